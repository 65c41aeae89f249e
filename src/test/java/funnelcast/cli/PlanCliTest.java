package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void planJsonFollowsTheSpec() throws Exception {
        Cli r = Cli.run("plan", "scenarios/midmonth-team.json", "--confidence", "0.9", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(List.of("entry", "pWinFromEntry", "steadyState", "thisPeriod", "curve"), Cli.keys(root));
        assertEquals(List.of("inflowPerDay", "perRepPerDay", "stages"), Cli.keys(root.get("steadyState")));
        assertEquals(List.of("id", "pWin", "expectedVisits", "arrivalsPerDay", "meanDwell", "inventory"),
            Cli.keys(root.get("steadyState").get("stages").get(0)));
        assertEquals(List.of("confidence", "reachable", "inflowPerDay", "perRepPerDay", "repsNeeded", "pHitAtRequired"),
            Cli.keys(root.get("thisPeriod")));
        assertEquals(0.9, root.get("thisPeriod").get("confidence").asDouble());
        assertEquals(11, root.get("curve").size());
        assertEquals(0.99, root.get("curve").get(10).get("confidence").asDouble());
        double per = root.get("thisPeriod").get("perRepPerDay").asDouble();
        assertEquals(root.get("thisPeriod").get("inflowPerDay").asDouble() / 5, per, 1e-12);
        // the scenario's rep brings 1.0 new deal a day once ramped
        assertEquals(root.get("thisPeriod").get("inflowPerDay").asDouble() / 1.0,
            root.get("thisPeriod").get("repsNeeded").asDouble(), 1e-12);
        Cli faster = Cli.run("plan", "scenarios/midmonth-team.json", "--set", "inflow.perRepPerDay=1.6", "--json");
        JsonNode f = JSON.readTree(faster.out()).get("thisPeriod");
        assertEquals(f.get("inflowPerDay").asDouble() / 1.6, f.get("repsNeeded").asDouble(), 1e-12);
    }

    @Test
    void planNamesTheBottleneckWhenTheInflowNeededIsSeveralTimesToday() {
        Cli r = Cli.run("plan", "scenarios/telesales.json", "--set", "target.wins=40");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("4.3 times today's inflow. The bottleneck is 'contact'"), r.out());
        assertTrue(!Cli.run("plan", "scenarios/telesales.json").out().contains("bottleneck"), "not at 20 wins");
    }

    @Test
    void planTableSaysWhatToDo() {
        Cli r = Cli.run("plan", "scenarios/telesales.json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("20 wins take 4.55 new deals a day"), r.out());
        assertTrue(r.out().contains("find "), r.out());
    }

    @Test
    void planWithoutATargetOrWithABadConfidenceExitsTwo() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("plan");
        java.nio.file.Path noTarget = dir.resolve("no-target.json");
        java.nio.file.Files.writeString(noTarget, java.nio.file.Files.readString(
            java.nio.file.Path.of("scenarios/telesales.json")).replace("\"target\": { \"wins\": 20 },", ""));
        Cli r = Cli.run("plan", noTarget.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("plan needs target.wins"), r.err());
        assertEquals(2, Cli.run("plan", "scenarios/telesales.json", "--confidence", "1").exitCode());
        assertEquals(2, Cli.run("plan", "scenarios/telesales.json", "--confidence", "0").exitCode());
    }

    @Test
    void sensitivityAndReviewPrintAndExportJson() throws Exception {
        Cli s = Cli.run("sensitivity", "scenarios/telesales.json", "--json");
        assertEquals(0, s.exitCode(), s.err());
        JsonNode sj = JSON.readTree(s.out());
        assertEquals(5, sj.get("stages").size());
        assertEquals(sj.get("bottleneck").asText(), sj.get("stages").get(0).get("stage").asText());
        assertTrue(sj.get("method").asText().startsWith("exact"));
        Cli text = Cli.run("sensitivity", "scenarios/telesales.json");
        assertTrue(text.out().contains("Bottleneck: "), text.out());

        Cli rv = Cli.run("review", "scenarios/midmonth-team.json", "--json");
        assertEquals(0, rv.exitCode(), rv.err());
        JsonNode rj = JSON.readTree(rv.out());
        assertEquals("CD-008", rj.get("stages").get(3).get("deals").get(0).get("deal").asText(), "stale first");
        assertTrue(rj.get("stages").get(3).get("deals").get(0).get("stale").asBoolean());
        Cli rt = Cli.run("review", "scenarios/midmonth-team.json");
        assertTrue(rt.out().contains("STALE") && rt.out().contains("Thin stages"), rt.out());
        assertEquals(2, Cli.run("sensitivity", "scenarios/telesales.json", "--method", "guess").exitCode());
    }
}
