package funnelcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollup --engine spark}: the teams forecast as a Spark job give the local roll-up byte for byte. */
class SparkRollupTest {
    @Test
    void theSparkRollupIsTheLocalOne(@TempDir Path dir) throws Exception {
        Path org = dir.resolve("org.yaml");
        Files.writeString(org, "name: Region\ntarget: { wins: 42 }\nchildren:\n"
            + "  - " + Path.of("../scenarios/telesales.json").toAbsolutePath().normalize() + "\n"
            + "  - name: South\n    children:\n"
            + "      - " + Path.of("../scenarios/fallbacks-reneging.yaml").toAbsolutePath().normalize() + "\n"
            + "      - " + Path.of("../scenarios/midmonth-team.json").toAbsolutePath().normalize() + "\n");
        for (String[] method : new String[][] {{"--method", "exact"}, {"--trials", "3000"}}) {
            SparkSweepTest.Run local = SparkSweepTest.funnel("rollup", org.toString(), method[0], method[1], "--json");
            SparkSweepTest.Run spark = SparkSweepTest.funnel("rollup", org.toString(), method[0], method[1], "--json",
                "--engine", "spark", "--master", "local[2]");
            assertEquals(0, local.exitCode(), local.err());
            assertEquals(0, spark.exitCode(), spark.err());
            assertEquals(local.out(), spark.out(), String.join(" ", method));
        }
    }
}
