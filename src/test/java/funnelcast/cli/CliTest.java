package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void forecastJsonHasExactlyTheSpecKeys() throws Exception {
        Cli r = Cli.run("forecast", "scenarios/telesales.json", "--trials", "2000", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(List.of("scenario", "method", "trials", "seed", "horizonDays", "target", "alreadyWon", "wins",
            "pHitTarget", "revenue", "daily"), Cli.keys(root));
        assertEquals("monte-carlo", root.get("method").asText());
        assertEquals(2000, root.get("trials").asInt());
        assertEquals(42, root.get("seed").asInt());
        assertEquals(22, root.get("horizonDays").asInt());
        assertEquals(List.of("mean", "sd", "pmf", "quantiles"), Cli.keys(root.get("wins")));
        assertEquals(List.of("p5", "p10", "p25", "p50", "p75", "p90", "p95"), Cli.keys(root.get("wins").get("quantiles")));
        assertEquals(List.of("mean", "quantiles"), Cli.keys(root.get("revenue")));
        assertEquals(List.of("p10", "p50", "p90"), Cli.keys(root.get("revenue").get("quantiles")));
        assertEquals(22, root.get("daily").size());
        assertEquals(List.of("day", "date", "mean", "p10", "p50", "p90"), Cli.keys(root.get("daily").get(0)));
        assertEquals("2026-12-01", root.get("daily").get(0).get("date").asText());
        assertEquals("2026-12-31", root.get("daily").get(21).get("date").asText());
        double sum = 0;
        for (JsonNode p : root.get("wins").get("pmf")) {
            sum += p.asDouble();
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void exactJsonDropsTrialsAndSeedAndStatesItsErrorBound() throws Exception {
        Cli r = Cli.run("forecast", "scenarios/telesales.json", "--method", "exact", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(List.of("scenario", "method", "horizonDays", "target", "alreadyWon", "wins", "pHitTarget",
            "revenue", "daily", "errorBound"), Cli.keys(root));
        assertEquals("exact", root.get("method").asText());
        assertEquals(List.of("mean", "sd"), Cli.keys(root.get("revenue")));
        assertTrue(root.get("errorBound").get("pmfTotalVariation").asDouble() < 0.02);
    }

    /**
     * The exact method's P(revenue >= target) on the mid-month scenario (its revenue target is
     * 100,000) against Monte Carlo's at 100,000 trials: within 4 standard errors plus the exact
     * value's own stated bound, which is below 0.01.
     */
    @Test
    void exactGivesPRevenueAsMonteCarloDoes() throws Exception {
        JsonNode exact = JSON.readTree(Cli.run("forecast", "scenarios/midmonth-team.json", "--method", "exact", "--json").out());
        JsonNode mc = JSON.readTree(Cli.run("forecast", "scenarios/midmonth-team.json", "--trials", "100000", "--json").out());
        assertEquals(List.of("mean", "pHitTarget", "sd"), Cli.keys(exact.get("revenue")));
        double bound = exact.get("errorBound").get("revenuePHitTarget").asDouble();
        assertTrue(bound < 0.01, "the exact value's bound: " + bound);
        double p = exact.get("revenue").get("pHitTarget").asDouble();
        assertEquals(p, mc.get("revenue").get("pHitTarget").asDouble(), 4 * Math.sqrt(p * (1 - p) / 100_000) + bound);
        Cli text = Cli.run("forecast", "scenarios/midmonth-team.json", "--method", "exact");
        assertTrue(text.out().contains(String.format(Locale.ROOT, "P(revenue >= 100,000) = %.1f%%", 100 * p)), text.out());
    }

    @Test
    void theHumanTableShowsTheNumbersADirectorAsksFor() {
        Cli r = Cli.run("forecast", "scenarios/midmonth-team.json", "--trials", "3000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("P10"), r.out());
        assertTrue(r.out().contains("P(hit target)"), r.out());
        assertTrue(r.out().contains("with 9 already won"), r.out());
        assertTrue(r.out().contains("Revenue:  mean"), r.out());
    }

    @Test
    void outWritesForecastJson(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("forecast", "scenarios/telesales.json", "--trials", "1000", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode written = JSON.readTree(Files.readString(dir.resolve("forecast.json")));
        assertEquals("Telesales team, December 2026", written.get("scenario").asText());
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("forecast.json", "wins.png", "wins.svg", "fan.png", "fan.svg"),
                files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                "the result, its two charts, and no temporary file left behind");
        }
    }

    @Test
    void validateSaysValid() {
        Cli r = Cli.run("validate", "scenarios/fallbacks-reneging.yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("valid"));
    }

    @Test
    void aBadScenarioExitsTwoWithTheMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("scenarios/telesales.json"))
            .replace("\"need\": 0.5, \"lost\": 0.5", "\"need\": 0.5, \"lost\": 0.4"));
        for (String command : new String[] {"forecast", "validate", "explain"}) {
            Cli r = Cli.run(command, bad.toString());
            assertEquals(2, r.exitCode(), command);
            assertEquals("funnel: " + bad + ": stages[0].exits: expected exit probabilities that sum to 1 "
                + "(within 1e-9), got a sum of 0.900000000000\n", r.err().replace("\r\n", "\n"), command);
            assertFalse(r.err().contains("at funnelcast."), "no stack trace");
            assertEquals("", r.out());
        }
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(2, Cli.run("forecast", "scenarios/telesales.json", "--trials", "0").exitCode());
        assertEquals(2, Cli.run("forecast", "scenarios/telesales.json", "--method", "magic").exitCode());
        assertEquals(2, Cli.run("forecast", "scenarios/telesales.json", "--threads", "0").exitCode());
        assertEquals(2, Cli.run("forecast").exitCode());
        assertEquals(2, Cli.run("forcast", "scenarios/telesales.json").exitCode());
        Cli missing = Cli.run("forecast", "no-such.json");
        assertEquals(2, missing.exitCode());
        assertEquals("funnel: no-such.json: no such file\n", missing.err().replace("\r\n", "\n"));
    }

    /**
     * Every command's help, and the list of commands, print without a warning: picocli formats
     * descriptions, and a bare "80% interval" in one made it warn on System.err (not the command
     * line's error writer) at every {@code funnel --help}.
     */
    @Test
    void everyCommandHasHelp() {
        PrintStream before = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
        try {
            for (String command : Main.COMMANDS) {
                if (command.equals("help")) {
                    continue;
                }
                Cli r = Cli.run(command, "--help");
                assertEquals(0, r.exitCode());
                assertTrue(r.out().contains("Usage: funnel " + command), r.out());
                assertEquals("", r.err(), command + ": help prints no warning");
            }
            Cli top = Cli.run("--help");
            assertTrue(top.out().contains("Exit codes"), top.out());
            assertTrue(top.out().contains("with the 80% interval"), top.out());
        } finally {
            System.setErr(before);
        }
        assertEquals("", traced.toString(StandardCharsets.UTF_8), "picocli warned while printing help");
    }

    @Test
    void explainWalksThroughTheTelesalesNumbers() {
        Cli r = Cli.run("explain", "scenarios/telesales.json");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("h(contact) = 0.500 x 0.400 = 0.200"), out);
        assertTrue(out.contains("h(price) = 0.800 x 0.900 + 0.100 x 0.600 + 0.0500 x 0.400 = 0.800"), out);
        assertTrue(out.contains("5.00 new deals make one win"), out);
        assertTrue(out.contains("20 / (22 x 0.200) = 4.55 new deals a day"), out);
    }

    /** A worker that runs out of heap (the engine passes its error on) gives one plain line and exit 1, no stack trace. */
    @Test
    void runningOutOfMemorySaysWhatToDo() {
        picocli.CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = Main.handle(new IllegalStateException(new OutOfMemoryError("Java heap space")), cl, null);
        assertEquals(Main.FAILURE, code);
        assertEquals("funnel: " + Main.OUT_OF_MEMORY, err.toString().strip());
        assertTrue(err.toString().contains("-Xmx"));
    }

    /** Only InputException means the input is wrong; an IllegalArgumentException from inside is funnelcast's failure. */
    @Test
    void onlyInputExceptionsExitTwo() {
        StringWriter err = new StringWriter();
        assertEquals(Main.INVALID_INPUT, Main.handle(new funnelcast.InputException("x.json: target.wins: expected a number"),
            new PrintWriter(err)));
        assertEquals("funnel: x.json: target.wins: expected a number", err.toString().strip());
        StringWriter bug = new StringWriter();
        assertEquals(Main.FAILURE, Main.handle(new IllegalArgumentException("lower 2 > upper 1"), new PrintWriter(bug)));
        assertTrue(bug.toString().startsWith("funnel: internal error: "), bug.toString());
    }

    /**
     * The review's deal and rep columns are as wide as their longest entry, so a CRM's 15-digit
     * id and a full rep name keep every row's numbers under their headers.
     */
    @Test
    void reviewColumnsFitLongIdsAndRepNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.json");
        Files.writeString(file, """
            { "calendar": { "start": "2027-03-01", "end": "2027-03-31" }, "entry": "a",
              "stages": [ { "id": "a", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "exponential", "mean": 5 } } ],
              "inflow": { "perDay": 1 },
              "pipeline": [ { "id": "006Hs00001AbCdEf", "stage": "a", "age": 2, "rep": "Alexandra Konstantinopoulou" },
                            { "id": "d2", "stage": "a", "age": 30, "rep": "Li" } ] }""");
        Cli r = Cli.run("review", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("   deal ") || l.contains("006Hs") || l.contains(" d2 "))
            .toList();
        assertEquals(3, lines.size(), r.out());
        int at = lines.get(0).indexOf("P(win now)") + "P(win now)".length();
        for (String l : lines.subList(1, 3)) {
            assertTrue(l.length() >= at && Character.isDigit(l.charAt(at - 1)) && l.charAt(at) == ' ', "aligned: " + r.out());
        }
    }

    /**
     * A director preparing a one-to-one: {@code --rep} keeps that rep's deals, each with its value
     * under a value column; a rep no deal has is refused with the reps there are.
     */
    @Test
    void reviewShowsValuesAndFiltersByRep() throws Exception {
        Cli wang = Cli.run("review", "scenarios/midmonth-team.json", "--rep", "wang");
        assertEquals(0, wang.exitCode(), wang.err());
        List<String> deals = wang.out().lines().filter(l -> l.matches("   [A-Z]{2}-\\d+ .*")).toList();
        assertEquals(List.of("HZ-204", "CD-008", "XA-140"), deals.stream().map(l -> l.trim().split(" +")[0]).toList(),
            wang.out());
        assertTrue(deals.get(2).contains("20,000"), "the value column: " + deals.get(2));
        assertTrue(wang.out().lines().anyMatch(l -> l.startsWith("   deal ") && l.contains("value")), wang.out());
        JsonNode json = JSON.readTree(Cli.run("review", "scenarios/midmonth-team.json", "--rep", "wang", "--json").out());
        for (JsonNode stage : json.get("stages")) {
            for (JsonNode d : stage.get("deals")) {
                assertEquals("wang", d.get("rep").asText());
            }
        }
        Cli nobody = Cli.run("review", "scenarios/midmonth-team.json", "--rep", "nobody");
        assertEquals(2, nobody.exitCode());
        assertTrue(nobody.err().contains("the reps are wang, li, chen, zhao"), nobody.err());
    }

    /**
     * Help reads as paragraphs: picocli wraps each description paragraph once, so no command's
     * description has a short line whose sentence goes on, in lower case, on the next line (the
     * double wrap of hand-broken lines, "moves 5 points either" / "way and its dwell").
     */
    @Test
    void helpIsWrappedOnce() {
        for (String c : Main.COMMANDS) {
            if (c.equals("help")) {
                continue;
            }
            Cli r = Cli.run(c, "--help");
            List<String> lines = r.out().lines().toList();
            for (int i = 1; i + 1 < lines.size(); i++) {
                String line = lines.get(i);
                String next = lines.get(i + 1);
                boolean prose = !line.isEmpty() && Character.isLetter(line.charAt(0));
                assertFalse(prose && line.length() < 60 && !next.isEmpty() && Character.isLowerCase(next.charAt(0)),
                    c + " --help wraps twice: \"" + line + "\" / \"" + next + "\"");
            }
        }
    }
}
