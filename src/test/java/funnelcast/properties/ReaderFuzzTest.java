package funnelcast.properties;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import funnelcast.history.HistoryException;
import funnelcast.history.HistoryReader;
import funnelcast.model.ScenarioException;
import funnelcast.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A bounded fuzzer of the scenario and history readers: valid documents cut, spliced, flipped and
 * stuffed with odd bytes, and random text. A reader may accept the input or refuse it with its own
 * error (file, path or line, what was expected); any other exception is a defect.
 */
class ReaderFuzzTest {
    private static final String[] SCENARIOS;
    private static final String HISTORY = "deal_id,stage,entered_at,rep,value\n"
        + "A,contact,2026-03-02,li,\nA,need,2026-03-04T10:00,li,\nA,won,2026-03-09,li,1200\n"
        + "B,contact,2026-03-03,wang,\nB,lost,2026-03-05,wang,\nC,contact,2026-03-06,,\n";
    private static final String[] NOISE = {"\u0000", "\"", "{", "}", "[", "]", ":", ",", "\n", "-", "1e999", "NaN",
        "null", "true", "\uFFFF", "接触", "\\", "'", "#", "---", "&a", "*a", "!!binary", "9".repeat(200), "\t", "\r\n"};

    static {
        try {
            SCENARIOS = new String[] {Files.readString(Path.of("scenarios/telesales.json")),
                Files.readString(Path.of("scenarios/fallbacks-reneging.yaml")),
                Files.readString(Path.of("scenarios/midmonth-team.json"))};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String mutate(String text, SplittableRandom r) {
        StringBuilder b = new StringBuilder(text);
        for (int m = 1 + r.nextInt(4); m > 0 && b.length() > 0; m--) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.setLength(at); // truncated
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, NOISE[r.nextInt(NOISE.length)]);
                case 3 -> b.setCharAt(at, (char) (32 + r.nextInt(95)));
                default -> {
                    int from = r.nextInt(b.length());
                    int len = Math.min(r.nextInt(40), b.length() - from);
                    b.insert(at, b.substring(from, from + len)); // a spliced copy: duplicate keys, rows
                }
            }
        }
        return b.toString();
    }

    @Property(tries = 1500, seed = "11")
    void theScenarioReaderNeverFailsOutsideItsErrors(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int which = r.nextInt(SCENARIOS.length);
        String text = r.nextInt(10) == 0 ? randomText(r) : mutate(SCENARIOS[which], r);
        boolean yaml = which == 1 ? r.nextInt(5) > 0 : r.nextInt(5) == 0;
        try {
            assertNotNull(ScenarioReader.parse(text, "fuzz", yaml));
        } catch (ScenarioException e) {
            assertTrue(e.getMessage().startsWith("fuzz: ") && e.getMessage().length() > 8, e.getMessage());
        }
    }

    @Property(tries = 600, seed = "12")
    void theHistoryReaderNeverFailsOutsideItsErrors(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed)
            throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.writeString(file, r.nextInt(10) == 0 ? randomText(r) : mutate(HISTORY, r));
            try {
                assertNotNull(HistoryReader.read(file));
            } catch (HistoryException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String randomText(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(200); i > 0; i--) {
            b.append(r.nextInt(8) == 0 ? NOISE[r.nextInt(NOISE.length)] : String.valueOf((char) (r.nextInt(0x3000))));
        }
        return b.toString();
    }
}
