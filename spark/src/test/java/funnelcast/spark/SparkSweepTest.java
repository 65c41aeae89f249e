package funnelcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark engine in this process ({@code --master local[K]}): the same CSV, byte for byte, as
 * the local engine, for many small cases and for a few large ones cut into blocks; failures
 * kept in their rows; a bad master refused with exit 2. The tests run in the reactor from the
 * repository root ({@code mvn -B test}), after the core's.
 */
class SparkSweepTest {
    private static final Path TELESALES = Path.of("../scenarios/telesales.json");

    record Run(int exitCode, String out, String err) {
    }

    static Run funnel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run sweep(Path out, List<String> grid, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", TELESALES.toString()));
        args.addAll(grid);
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return funnel(args.toArray(String[]::new));
    }

    @Test
    void twelveCasesGiveTheLocalCsvByteForByte(@TempDir Path dir) throws Exception {
        List<String> grid = List.of("--grid", "inflow.perDay=4,5,6", "--grid", "stages.contact.exits.need=0.4,0.5,0.55,0.6");
        Run local = sweep(dir.resolve("local.csv"), grid, "--trials", "3000", "--seed", "9");
        Run spark = sweep(dir.resolve("spark.csv"), grid, "--trials", "3000", "--seed", "9",
            "--engine", "spark", "--master", "local[2]");
        assertEquals(0, local.exitCode(), local.err());
        assertEquals(0, spark.exitCode(), spark.err());
        byte[] expected = Files.readAllBytes(dir.resolve("local.csv"));
        assertEquals(13, new String(expected).split("\n").length, "a header and 12 cases");
        assertEquals(new String(expected), Files.readString(dir.resolve("spark.csv")));
        assertTrue(spark.err().contains("sweep: case 12/12, done"), spark.err());
        assertTrue(Files.exists(dir.resolve("spark-heatmap.svg")), "the heat map from the Spark rows");
    }

    @Test
    void aFewLargeCasesAreCutIntoBlocksAndGiveTheSameRows(@TempDir Path dir) throws Exception {
        List<String> grid = List.of("--grid", "inflow.perDay=4,7");
        Run local = sweep(dir.resolve("local.csv"), grid, "--trials", "8000", "--threads", "2");
        Run spark = sweep(dir.resolve("spark.csv"), grid, "--trials", "8000", "--engine", "spark", "--master", "local[4]");
        assertEquals(0, spark.exitCode(), spark.err());
        assertEquals(Files.readString(dir.resolve("local.csv")), Files.readString(dir.resolve("spark.csv")));
        assertTrue(spark.err().contains("sweep: case 2/2, done"), spark.err());
    }

    @Test
    void exactRowsAndFailedCasesAsLocally(@TempDir Path dir) throws Exception {
        List<String> grid = List.of("--grid", "inflow.perDay=5,-2,6.5");
        Run local = sweep(dir.resolve("local.csv"), grid, "--method", "exact");
        Run spark = sweep(dir.resolve("spark.csv"), grid, "--method", "exact", "--engine", "spark", "--master", "local[2]");
        assertEquals(0, spark.exitCode(), spark.err());
        String csv = Files.readString(dir.resolve("spark.csv"));
        assertEquals(Files.readString(dir.resolve("local.csv")), csv);
        assertTrue(csv.contains("inflow.perDay") && spark.out().contains("1 failed"), spark.out());
    }

    /**
     * Under spark-submit the master comes from Spark's configuration (the spark.master system
     * property it sets), not from --master: the same command runs there unchanged.
     */
    @Test
    void withoutMasterTheSparkConfigurationSaysWhere(@TempDir Path dir) throws Exception {
        List<String> grid = List.of("--grid", "inflow.perDay=4,6");
        Run local = sweep(dir.resolve("local.csv"), grid, "--trials", "2000");
        Run none = sweep(dir.resolve("none.csv"), grid, "--trials", "2000", "--engine", "spark");
        assertEquals(2, none.exitCode(), "no master anywhere");
        assertTrue(none.err().contains("give --master"), none.err());
        System.setProperty("spark.master", "local[2]");
        try {
            Run submitted = sweep(dir.resolve("submitted.csv"), grid, "--trials", "2000", "--engine", "spark");
            assertEquals(0, submitted.exitCode(), submitted.err());
        } finally {
            System.clearProperty("spark.master");
        }
        assertEquals(Files.readString(dir.resolve("local.csv")), Files.readString(dir.resolve("submitted.csv")));
    }

    @Test
    void aBadMasterIsRefusedWithItsMessage(@TempDir Path dir) {
        Run r = sweep(dir.resolve("x.csv"), List.of("--grid", "inflow.perDay=4"), "--engine", "spark",
            "--master", "nowhere:1");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--master nowhere:1: expected a Spark master URL"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace");
        assertTrue(Files.notExists(dir.resolve("x.csv")), "nothing written");
    }
}
