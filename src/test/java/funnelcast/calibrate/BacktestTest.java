package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.model.Funnel;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
    /**
     * A long run on history simulated from a known, stationary scenario: the model's 80% intervals
     * cover 70-90% of 100 months (the standard error of the share is 4 points), and its PIT
     * histogram has no empty half. The stage-weighted pipeline, which ignores time and new deals,
     * does far worse on CRPS.
     */
    @Test
    void eightyPercentIntervalsCoverEightyPercentOfMonths(@TempDir Path dir) throws Exception {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2020-01-01", "end": "2020-01-31" }, "entry": "a",
              "stages": [
                { "id": "a", "exits": { "b": 0.5, "lost": 0.5 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 1.5 } },
                { "id": "b", "exits": { "won": 0.6, "lost": 0.4 }, "dwell": { "dist": "lognormal", "median": 3, "sigma": 0.6 } } ],
              "inflow": { "perDay": 4 } }""");
        LocalDate start = LocalDate.parse("2020-01-01");
        WorkClock clock = new WorkClock(CalibrationTest.WEEK, Set.of(), start.minusDays(60), start.plusDays(3500));
        StringWriter csv = new StringWriter();
        HistorySimulator.write(HistorySimulator.simulate(f, 2200, 11), clock, start, csv);
        Path file = dir.resolve("long.csv");
        Files.writeString(file, csv.toString());
        History h = HistoryReader.read(file);
        Backtest.Result r = Backtest.run(h, new Backtest.Options(clock, 0, 120, 4000, 5, 2, m -> { }));
        assertTrue(r.months().size() >= 100, "months " + r.months().size());
        Backtest.Summary model = r.summaries().get(0);
        assertEquals("model", model.method());
        assertTrue(model.coverage80() >= 0.70 && model.coverage80() <= 0.90, "80% coverage " + model.coverage80());
        int low = 0;
        for (int i = 0; i < 5; i++) {
            low += model.pitHistogram()[i];
        }
        assertTrue(low > 0.3 * r.months().size() && low < 0.7 * r.months().size(), "PIT halves " + low);
        assertTrue(r.summaries().get(1).meanCrps() > 2 * model.meanCrps(), "stage-weighted CRPS");
    }

    @Test
    void scoresFollowTheirDefinitions() {
        double[] pmf = {0.25, 0.25, 0.25, 0.25};
        Backtest.Score s = Backtest.Score.of(pmf, 2);
        assertEquals(0.5 + 0.125, s.pit(), 1e-12, "mid-PIT: P(W < 2) + P(W = 2) / 2");
        // CRPS = sum_k (F(k) - 1{2 <= k})^2 = 0.25^2 + 0.5^2 + 0.25^2 + 0
        assertEquals(0.0625 + 0.25 + 0.0625, s.crps(), 1e-12);
        assertEquals(1, s.p50());
        assertEquals(1.0, s.absError());
        assertTrue(s.in80() && s.in50());
    }
}
