package funnelcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate --by team --engine spark}: the segments calibrated as Spark tasks give the
 * local scenarios byte for byte and the same summary, a segment that cannot be calibrated
 * included.
 */
class SparkSegmentTest {
    @Test
    void theSparkSegmentsAreTheLocalOnes(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim.csv");
        SparkSweepTest.Run simulated = SparkSweepTest.funnel("simulate-history", "../scenarios/telesales.json", "--days", "60",
            "--seed", "3", "--out", sim.toString());
        assertEquals(0, simulated.exitCode(), simulated.err());
        List<String> lines = Files.readAllLines(sim);
        StringBuilder b = new StringBuilder(lines.get(0) + ",team\n");
        String[] teams = {"North", "South", "East"};
        for (String l : lines.subList(1, lines.size())) {
            String id = l.substring(0, l.indexOf(','));
            b.append(l).append(',').append(teams[Math.floorMod(id.hashCode(), 3)]).append('\n');
        }
        b.append("Z1,contact,2027-02-10T10:00,,,West\n"); // a team whose one deal never closed: not calibrated, said so
        Path history = dir.resolve("teams.csv");
        Files.writeString(history, b.toString());
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        SparkSweepTest.Run here = SparkSweepTest.funnel("calibrate", history.toString(), "--as-of", "2027-02-19", "--by", "team",
            "--out", local.toString(), "--json");
        SparkSweepTest.Run there = SparkSweepTest.funnel("calibrate", history.toString(), "--as-of", "2027-02-19", "--by",
            "team", "--out", spark.toString(), "--json", "--engine", "spark", "--master", "local[2]");
        assertEquals(0, here.exitCode(), here.err());
        assertEquals(0, there.exitCode(), there.err());
        assertEquals(here.out().replace(local.toString(), "DIR"), there.out().replace(spark.toString(), "DIR"));
        assertTrue(here.out().contains("\"error\""), "the West team is not calibrated and says why: " + here.out());
        for (String team : new String[] {"north", "south", "east"}) {
            assertEquals(Files.readString(local.resolve(team + ".json")), Files.readString(spark.resolve(team + ".json")), team);
        }
    }
}
