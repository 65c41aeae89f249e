package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: a row per case, reproducible whatever the threads, exact rows equal to forecast, failures kept. */
class SweepCliTest {
    private static final String[] GRID = {"--grid", "inflow.perDay=4,5,6", "--grid", "stages.contact.exits.need=0.4,0.5,0.55,0.6"};

    private static Cli sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "scenarios/telesales.json"));
        args.addAll(List.of(GRID));
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aMonteCarloSweepIsTheSameWhateverTheThreads(@TempDir Path dir) throws Exception {
        Cli one = sweep(dir.resolve("one.csv"), "--trials", "2000", "--threads", "1");
        Cli two = sweep(dir.resolve("two.csv"), "--trials", "2000", "--threads", "2");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, two.exitCode(), two.err());
        List<String> a = Files.readAllLines(dir.resolve("one.csv"));
        assertEquals(13, a.size(), "a header and 12 cases");
        assertEquals(a, Files.readAllLines(dir.resolve("two.csv")));
        assertTrue(a.get(0).startsWith("inflow.perDay,") && a.get(0).endsWith("mean,sd,p10,p50,p90,pHitTarget,"
            + "inflowPerDayNeeded,bottleneck,error"), a.get(0));
        assertTrue(one.err().contains("sweep: case 12/12, done"), "progress per case");
        assertTrue(Files.readString(dir.resolve("one-heatmap.svg")).contains("P(hit target) over the sweep"));
    }

    @Test
    void anExactRowEqualsTheForecastOfItsSettings(@TempDir Path dir) throws Exception {
        Cli r = sweep(dir.resolve("exact.csv"), "--method", "exact");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("exact.csv"));
        String[] row = rows.get(8).split(","); // case 7 (from 0): inflow 5, need 0.6
        assertEquals("5", row[0]);
        assertEquals("0.6", row[1]);
        double pHit = new ObjectMapper().readTree(Cli.run("forecast", "scenarios/telesales.json", "--set", "inflow.perDay=5",
            "--set", "stages.contact.exits.need=0.6", "--method", "exact", "--json").out()).get("pHitTarget").asDouble();
        assertEquals(pHit, Double.parseDouble(row[7]), 1e-9);
    }

    @Test
    void aFailedCaseKeepsItsRowAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("sweep", "scenarios/telesales.json", "--grid", "inflow.perDay=5,-1,6", "--method", "exact",
            "--out", dir.resolve("f.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3 cases, 1 failed"), r.out());
        List<String> rows = Files.readAllLines(dir.resolve("f.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(2).startsWith("-1,,,,,,,,,") && rows.get(2).contains("inflow.perDay: expected"), rows.get(2));
        assertTrue(!rows.get(3).split(",")[7].isEmpty(), "the case after the failure ran");
        Cli bad = Cli.run("sweep", "scenarios/telesales.json", "--grid", "inflow.perDay", "--out", dir.resolve("g.csv").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--grid inflow.perDay: expected PATH=V1,V2,..."), bad.err());
        assertTrue(!Files.exists(dir.resolve("g.csv")), "nothing written");
    }

    @Test
    void oneCasePerScenarioFile(@TempDir Path dir) throws Exception {
        Path teams = Files.createDirectory(dir.resolve("teams"));
        Files.copy(Path.of("scenarios/telesales.json"), teams.resolve("a.json"));
        Files.copy(Path.of("scenarios/midmonth-team.json"), teams.resolve("b.json"));
        Cli r = Cli.run("sweep", "--scenarios", teams.toString(), "--method", "exact", "--out", dir.resolve("t.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("t.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).contains("a.json") && rows.get(2).contains("b.json"));
    }
}
