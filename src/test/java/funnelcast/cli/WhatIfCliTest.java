package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-ifs from the command line: --set, and compare with common random numbers. */
class WhatIfCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSettingEqualsTheEditedFile(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("scenarios/telesales.json"));
        assertTrue(text.contains("\"perDay\": 5"), "the shipped file's inflow");
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, text.replace("\"perDay\": 5", "\"perDay\": 6.5"));
        Cli set = Cli.run("forecast", "scenarios/telesales.json", "--set", "inflow.perDay=6.5", "--method", "exact", "--json");
        Cli file = Cli.run("forecast", edited.toString(), "--method", "exact", "--json");
        assertEquals(0, set.exitCode(), set.err());
        assertEquals(file.out(), set.out());
        Cli mc = Cli.run("forecast", "scenarios/telesales.json", "--set", "inflow.perDay=6.5", "--trials", "3000", "--json");
        assertEquals(Cli.run("forecast", edited.toString(), "--trials", "3000", "--json").out(), mc.out());
    }

    @Test
    void anExitTakesItsDifferenceFromLost() {
        var s = ScenarioSource.readFile(Path.of("scenarios/telesales.json"), List.of(Setting.parse("stages.contact.exits.need=0.55")));
        var before = ScenarioSource.readFile(Path.of("scenarios/telesales.json"));
        double need = before.stage("contact").exits().stream().filter(e -> e.to().equals("need")).findFirst().orElseThrow()
            .probability();
        double lost = before.stage("contact").exits().stream().filter(e -> e.to().equals("lost")).findFirst().orElseThrow()
            .probability();
        var exits = s.stage("contact").exits();
        assertEquals(0.55, exits.stream().filter(e -> e.to().equals("need")).findFirst().orElseThrow().probability(), 1e-12);
        assertEquals(lost - (0.55 - need), exits.stream().filter(e -> e.to().equals("lost")).findFirst().orElseThrow()
            .probability(), 1e-12);
        // by index as the error messages write it, the same
        assertEquals(s, ScenarioSource.readFile(Path.of("scenarios/telesales.json"), List.of(Setting.parse("stages[0].exits.need=0.55"))));
    }

    @Test
    void badSettingsAreRefusedWithThePath() {
        Cli tooMuch = Cli.run("forecast", "scenarios/telesales.json", "--set", "stages.need.exits.evaluate=0.85");
        assertEquals(2, tooMuch.exitCode());
        assertTrue(tooMuch.err().contains("--set stages.need.exits.evaluate=0.85: the stage's lost exit would fall to"),
            tooMuch.err());
        Cli unknown = Cli.run("plan", "scenarios/telesales.json", "--set", "stages.contakt.exits.need=0.5");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no element 'contakt' in stages; expected an index or one of: contact, need"),
            unknown.err());
        Cli negative = Cli.run("review", "scenarios/telesales.json", "--set", "inflow.perDay=-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("scenarios/telesales.json: inflow.perDay: expected"), negative.err());
        // a misspelt exit is named as such, whatever its value (0.7 once said the lost exit would fall to -0.5)
        for (String value : new String[] {"0.7", "0.1"}) {
            Cli typo = Cli.run("forecast", "scenarios/telesales.json", "--set", "stages.need.exits.evalute=" + value);
            assertEquals(2, typo.exitCode());
            assertTrue(typo.err().contains("stages.need.exits has no exit 'evalute' and no stage is called so; its exits "
                + "are evaluate, contact, lost"), typo.err());
        }
        Cli misspeltKey = Cli.run("plan", "scenarios/telesales.json", "--set", "inflow.perday=6.5");
        assertEquals(2, misspeltKey.exitCode());
        assertTrue(misspeltKey.err().contains("inflow.perday"), misspeltKey.err());
        Cli noEquals = Cli.run("sensitivity", "scenarios/telesales.json", "--set", "inflow.perDay");
        assertEquals(2, noEquals.exitCode());
        assertTrue(noEquals.err().contains("expected PATH=VALUE"), noEquals.err());
    }

    @Test
    void compareDrawsTheScenariosOverlaid(@TempDir Path dir) throws Exception {
        Cli c = Cli.run("compare", "scenarios/telesales.json", "scenarios/telesales.json?set=inflow.perDay=6.5",
            "--method", "exact", "--out", dir.toString());
        assertEquals(0, c.exitCode(), c.err());
        String wins = Files.readString(dir.resolve("compare-wins.svg"));
        assertTrue(wins.contains("target 20") && wins.contains("telesales (P(hit) 74.3%)")
            && wins.contains("inflow.perDay=6.5 (P(hit)"), "legend: each scenario by its name");
        assertTrue(Files.readString(dir.resolve("compare-fan.svg")).contains("target 20"));
        assertTrue(Files.size(dir.resolve("compare-fan.png")) > 1000);
        assertTrue(JSON.readTree(dir.resolve("compare.json").toFile()).get("scenarios").size() == 2);
    }

    /**
     * docs/what-if.md's team what-if, "two reps from the 15th", runs as the page writes it (each
     * argument below appears there verbatim): the column carries its name, the two hires ramp in
     * the exact forecast as TeamInflowTest derives, and the gap-to-now row is the inflow needed
     * less the inflow now.
     */
    @Test
    void theDocumentedTeamWhatIfRunsAsWritten() throws Exception {
        String team = "scenarios/midmonth-team.json?name=two reps from the 15th&set=inflow.reps=null&set=inflow.team="
            + "{\"rampDays\": 5, \"reps\": [{\"id\": \"wang\"}, {\"id\": \"li\"}, {\"id\": \"chen\"}, {\"id\": \"zhao\"}, "
            + "{\"id\": \"zhou\"}, {\"id\": \"new-1\", \"start\": \"2026-12-15\"}, {\"id\": \"new-2\", \"start\": \"2026-12-15\"}]}";
        String docs = Files.readString(Path.of("docs/what-if.md"));
        assertTrue(docs.contains("'" + team + "'"), "docs/what-if.md shows the what-if as the test runs it");
        Cli c = Cli.run("compare", "scenarios/midmonth-team.json", team, "--method", "exact");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("B  two reps from the 15th: scenarios/midmonth-team.json with inflow.reps=null, inflow.team="),
            c.out());
        assertTrue(c.out().lines().anyMatch(l -> l.contains("midmonth-team") && l.contains("two reps from the 15th")),
            "the columns are headed by the names: " + c.out());
        JsonNode json = JSON.readTree(Cli.run("compare", "scenarios/midmonth-team.json", team, "--method", "exact", "--json").out());
        JsonNode b = json.get("scenarios").get(1);
        assertEquals("two reps from the 15th", b.get("name").asText());
        JsonNode hired = JSON.readTree(Cli.run("forecast", "scenarios/midmonth-team.json", "--method", "exact", "--json",
            "--set", "inflow.reps=null", "--set", team.substring(team.indexOf("inflow.team="))).out());
        assertEquals(hired.get("pHitTarget").asDouble(), b.get("pHitTarget").asDouble(), 0);
        String gap = c.out().lines().filter(l -> l.startsWith("gap to now")).findFirst().orElseThrow();
        String need = c.out().lines().filter(l -> l.startsWith("new deals a day for 80%")).findFirst().orElseThrow();
        String now = c.out().lines().filter(l -> l.startsWith("new deals a day now")).findFirst().orElseThrow();
        double first = Double.parseDouble(need.substring(28).trim().split(" +")[0])
            - Double.parseDouble(now.substring(28).trim().split(" +")[0]);
        assertEquals(first, Double.parseDouble(gap.substring(28).trim().split(" +")[0]), 0.011);
    }

    @Test
    void compareGivesEachScenarioTheProbabilityForecastGivesIt() throws Exception {
        String whatIf = "scenarios/telesales.json?set=inflow.perDay=6.5&set=target.wins=24";
        Cli c = Cli.run("compare", "scenarios/telesales.json", whatIf, "--method", "exact", "--json");
        assertEquals(0, c.exitCode(), c.err());
        JsonNode list = JSON.readTree(c.out()).get("scenarios");
        assertEquals(2, list.size());
        JsonNode a = JSON.readTree(Cli.run("forecast", "scenarios/telesales.json", "--method", "exact", "--json").out());
        JsonNode b = JSON.readTree(Cli.run("forecast", "scenarios/telesales.json", "--set", "inflow.perDay=6.5",
            "--set", "target.wins=24", "--method", "exact", "--json").out());
        assertEquals(a.get("pHitTarget").asDouble(), list.get(0).get("pHitTarget").asDouble(), 0);
        assertEquals(b.get("pHitTarget").asDouble(), list.get(1).get("pHitTarget").asDouble(), 0);
        assertEquals("scenarios/telesales.json", list.get(0).get("file").asText());
        assertEquals(whatIf, list.get(1).get("file").asText());
        for (String key : Cli.keys(a)) {
            assertTrue(list.get(0).has(key), "compare's entry has forecast's key " + key);
        }
        Cli table = Cli.run("compare", "scenarios/telesales.json", whatIf, "--method", "exact");
        assertTrue(table.out().contains("P(hit target)") && table.out().contains("B - A"), table.out());
    }

    /**
     * Common random numbers: forecasting A and B (A with more inflow) on the same seed makes the
     * difference of their mean wins vary far less from seed to seed than on independent seeds.
     * 30 pairs each; the variance ratio is tested one-sided at about 1% (F with 29 and 29 degrees
     * of freedom: 0.42).
     */
    @Test
    void commonRandomNumbersSharpenTheDifference() {
        Funnel a = TestScenarios.funnel("scenarios/telesales.json");
        Funnel b = Funnel.of(ScenarioSource.readFile(Path.of("scenarios/telesales.json"), List.of(Setting.parse("inflow.perDay=6.5"))));
        int n = 30;
        double[] common = new double[n];
        double[] independent = new double[n];
        for (int i = 0; i < n; i++) {
            Forecast fa = MonteCarloEngine.forecast(a, new MonteCarloEngine.Options(2000, 1000 + i, 2));
            Forecast fb = MonteCarloEngine.forecast(b, new MonteCarloEngine.Options(2000, 1000 + i, 2));
            Forecast fc = MonteCarloEngine.forecast(b, new MonteCarloEngine.Options(2000, 5000 + i, 2));
            common[i] = fb.wins().mean() - fa.wins().mean();
            independent[i] = fc.wins().mean() - fa.wins().mean();
        }
        double ratio = variance(common) / variance(independent);
        System.out.printf(Locale.ROOT, "common random numbers: variance of the difference %.4f against %.4f (ratio %.2f)%n",
            variance(common), variance(independent), ratio);
        assertTrue(ratio < 0.42, "variance ratio " + ratio);
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
