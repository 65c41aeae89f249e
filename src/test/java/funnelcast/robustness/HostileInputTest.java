package funnelcast.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import funnelcast.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Hostile input through the command line: exit 2, the file, the path or line, what was expected; no stack trace. */
class HostileInputTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static void refused(Run r, String... expected) {
        assertEquals(2, r.code(), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "'" + r.err() + "' should say '" + e + "'");
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    private static String telesales() throws Exception {
        return Files.readString(Path.of("scenarios/telesales.json"));
    }

    @Test
    void truncatedJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cut.json");
        String t = telesales();
        Files.writeString(f, t.substring(0, t.length() / 2));
        refused(run("validate", f.toString()), f.toString(), "line ", "malformed JSON");
    }

    @Test
    void malformedYaml(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: [unclosed\nstages: {\n");
        refused(run("validate", f.toString()), f.toString(), "malformed YAML");
    }

    @Test
    void deeplyNestedDocuments(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deep.json");
        Files.writeString(f, "{\"name\":" + "[".repeat(200) + "]".repeat(200) + "}");
        refused(run("validate", f.toString()), f.toString(), "exceeds a reading limit");
    }

    @Test
    void gigantic(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.json");
        Files.write(f, new byte[21_000_000]);
        refused(run("validate", f.toString()), f.toString(), "larger than 20000000 bytes");
    }

    @Test
    void hugeNumbers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("flood.json");
        Files.writeString(f, telesales().replace("\"inflow\": { \"perDay\": 5 }", "\"inflow\": { \"perDay\": 1e300 }"));
        refused(run("forecast", f.toString()), f.toString(), "inflow.perDay", "expected at most 1e+07 new deals");
        Path digits = dir.resolve("digits.json");
        Files.writeString(digits, telesales().replace("\"perDay\": 5", "\"perDay\": 5" + "0".repeat(150)));
        refused(run("validate", digits.toString()), "exceeds a reading limit");
    }

    @Test
    void tooManyTrialsOrDeals(@TempDir Path dir) throws Exception {
        refused(run("forecast", "scenarios/telesales.json", "--trials", "100000000000"), "trials must lie in 1..1000000000");
        Path f = dir.resolve("crowd.json");
        Files.writeString(f, telesales().replace("{ \"stage\": \"contact\", \"count\": 5, \"age\": 0.5 }",
            "{ \"stage\": \"contact\", \"count\": 2000000000, \"age\": 0.5 }"));
        refused(run("validate", f.toString()), "pipeline[0].count", "at most 10000000 deals");
    }

    @Test
    void aHorizonOfCenturies(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("eternity.json");
        Files.writeString(f, telesales().replace("\"end\": \"2026-12-31\"", "\"end\": \"+999999999-12-31\""));
        refused(run("validate", f.toString()), "calendar.end");
        Files.writeString(f, telesales().replace("\"end\": \"2026-12-31\"", "\"end\": \"2126-12-31\""));
        refused(run("validate", f.toString()), "calendar.end", "at most 3660 days");
    }

    @Test
    void anExactSolveTooLargeIsRefusedNotHung(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fast.json");
        String text = Files.readString(Path.of("src/test/resources/scenarios/loops-exponential.json"))
            .replace("\"mean\": 2 }", "\"mean\": 1e-9 }").replace("\"mean\": 1.5 }", "\"mean\": 1e-9 }");
        Files.writeString(f, text);
        // an age no such deal can reach is named as such
        refused(run("validate", f.toString()), "pipeline[0].age", "no chance (to double precision)");
        Files.writeString(f, text.replaceAll("\"age\": [0-9.]+", "\"age\": 0"));
        // uniformization would need ~1e10 jumps: the grid takes over, and is refused at its size limit
        refused(run("forecast", f.toString(), "--method", "exact", "--grid-steps", "10000"), "grid would need");
    }

    @Test
    void historyProblemsNameTheLine(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("h.csv");
        Files.writeString(h, "deal_id,stage,entered_at\nA,contact,2026-03-02\nA,contact,2026-03-02\n");
        refused(run("calibrate", h.toString(), "--as-of", "2026-03-31"), "line 3", "twice");
        Files.writeString(h, "deal_id,stage,entered_at\nA,contact,2026-03-02\nA,lost,2026-03-03\nA,need,2026-03-04\n");
        refused(run("calibrate", h.toString(), "--as-of", "2026-03-31"), "line 4", "after it was lost");
        Files.writeString(h, "deal_id,stage,entered_at\nA,!!,2026-03-02\n");
        refused(run("calibrate", h.toString(), "--as-of", "2026-03-31"), "line 2", "a stage name with a letter or digit");
        Files.writeString(h, "deal_id,stage,entered_at\nA,contact,yesterday\n");
        refused(run("calibrate", h.toString(), "--as-of", "2026-03-31"), "line 2", "expected a date");
        Files.writeString(h, "deal_id,stage,entered_at\nA,contact,\"2026-03-02\n");
        refused(run("calibrate", h.toString(), "--as-of", "2026-03-31"), h.toString());
        refused(run("calibrate", h.toString(), "--as-of", "31/03/2026"), "--as-of", "ISO date");
    }

    /**
     * A run stopped in the middle of writing leaves the old file whole and no temporary file (the
     * shutdown hook cleans up). The test hook stops the write of forecast.json half way; the run
     * is stopped there (SIGTERM, as Ctrl-C). The same check run on a writer that writes straight
     * into the file finds it half written, so the check can fail.
     */
    @Test
    void anInterruptedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path target = out.resolve("forecast.json");
        Files.writeString(target, "the old forecast");
        stopMidWrite(dir, "-Dfunnelcast.test.pauseMidWrite=forecast.json", "funnelcast.cli.Main", "forecast",
            "scenarios/telesales.json", "--trials", "2000", "--out", out.toString());
        assertEquals(List.of(), damage(out, target), "the product's writer");

        Path naive = dir.resolve("naive");
        Files.createDirectories(naive);
        Path naiveTarget = naive.resolve("forecast.json");
        Files.writeString(naiveTarget, "the old forecast");
        stopMidWrite(dir, "-Dunused=1", NaiveWriter.class.getName(), naiveTarget.toString());
        assertTrue(!damage(naive, naiveTarget).isEmpty(), "the check finds a non-atomic write's half-written file");
    }

    /** Starts the run, waits until it says it is paused in the middle of a write, and stops it with SIGTERM. */
    private static void stopMidWrite(Path dir, String property, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), property,
            "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "log", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.readString(log).contains("paused mid-write of ")) {
            assertTrue(p.isAlive(), "the run ended before writing: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no pause within a minute: " + Files.readString(log));
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM: what Ctrl-C does, shutdown hooks run
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    /** What is wrong in the output folder after the stop: the old file changed, or files left beside it. */
    private static List<String> damage(Path folder, Path target) throws Exception {
        List<String> found = new ArrayList<>();
        String now = Files.readString(target);
        if (!now.equals("the old forecast")) {
            found.add(target.getFileName() + " holds " + now.length() + " characters of something else");
        }
        try (var files = Files.list(folder)) {
            files.map(x -> x.getFileName().toString()).filter(n -> !n.equals(target.getFileName().toString()))
                .forEach(n -> found.add("left behind: " + n));
        }
        return found;
    }
}
