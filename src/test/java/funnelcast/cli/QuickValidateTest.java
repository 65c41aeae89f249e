package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code funnel validate FILE}, the path editors and CI run on every save, skips building the
 * command line. In its own JVM, as the launcher starts it, it prints what picocli's path prints
 * and exits with the same code: for a valid scenario, for one with a bad value, for a missing file.
 */
class QuickValidateTest {
    record Run(int code, String out, String err) {
    }

    private static Run quick(String file, Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "funnelcast.cli.Main",
            "validate", file).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theQuickPathPrintsWhatTheCommandLinePrints(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("scenarios/telesales.json")).replace("\"perDay\": 5", "\"perDay\": -1"));
        List<Integer> codes = new ArrayList<>();
        for (String file : List.of("scenarios/telesales.json", bad.toString(), dir.resolve("missing.json").toString())) {
            Run fast = quick(file, dir);
            Cli slow = Cli.run("validate", file);
            assertEquals(slow.exitCode(), fast.code(), file);
            assertEquals(slow.out(), fast.out(), file);
            assertEquals(slow.err(), fast.err(), file);
            codes.add(fast.code());
            if (file.equals(bad.toString())) {
                assertTrue(fast.err().contains("inflow.perDay"), fast.err());
            }
        }
        assertEquals(List.of(0, 2, 2), codes);
    }
}
