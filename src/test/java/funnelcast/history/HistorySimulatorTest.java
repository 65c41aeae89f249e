package funnelcast.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySimulatorTest {
    private static final Funnel FUNNEL = TestScenarios.funnelOf("""
        { "calendar": { "start": "2020-01-01", "end": "2020-01-31" }, "entry": "a",
          "stages": [ { "id": "a", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "exponential", "mean": 2 } } ],
          "inflow": { "perDay": 4 } }""");

    /** Each seed its own history, and the same seed the same one (seeds 12 and 13 once shared a stream). */
    @Test
    void everySeedGivesItsOwnHistory() {
        for (long seed = 0; seed < 16; seed += 2) {
            boolean same = HistorySimulator.simulate(FUNNEL, 30, seed).equals(HistorySimulator.simulate(FUNNEL, 30, seed + 1));
            assertFalse(same, "seeds " + seed + " and " + (seed + 1) + " give the same history");
        }
        assertEquals(HistorySimulator.simulate(FUNNEL, 30, 12), HistorySimulator.simulate(FUNNEL, 30, 12));
    }

    /**
     * One walker: a history as long as the scenario's horizon is the engine's own trial. The
     * wins it logs, day by day, are those of the engine's one-trial forecast of the same seed on
     * the plain path (every deal walked), pipeline and new deals alike, for the shipped scenario
     * with fall-backs and for one with stalled shares and exit-specific dwells.
     */
    @Test
    void aHistoryOfOneHorizonIsTheEnginesTrial() {
        for (String path : new String[] {"scenarios/telesales.json", "src/test/resources/scenarios/stalled-aged.json",
            "src/test/resources/scenarios/exit-dwell-aged.json"}) {
            Funnel f = TestScenarios.funnel(path);
            int days = f.scenario().horizonDays();
            for (long seed = 1; seed <= 5; seed++) {
                List<LogLine> log = HistorySimulator.simulate(f, days, seed);
                Forecast one = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(1, seed, 1).withWinnersOnly(false));
                for (int d = 0; d < days; d++) {
                    double end = d + 1;
                    long logged = log.stream().filter(l -> l.stage().equals(Exit.WON) && l.time() <= end).count();
                    assertEquals(one.daily().get(d).mean(), logged, 0, path + " seed " + seed + " day " + (d + 1));
                }
            }
        }
    }
}
