package funnelcast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.exact.ExactMethod;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityTest {
    /** Four stages, one of which advances only 10% of its deals. */
    private static final String BOTTLENECK = """
        { "calendar": { "start": "2026-03-02", "end": "2026-03-27" }, "entry": "a",
          "stages": [
            { "id": "a", "exits": { "b": 0.5, "lost": 0.5 }, "dwell": { "dist": "exponential", "mean": 1 } },
            { "id": "b", "exits": { "c": 0.1, "lost": 0.9 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 0.5 } },
            { "id": "c", "exits": { "d": 0.5, "b": 0.1, "lost": 0.4 }, "dwell": { "dist": "lognormal", "median": 1, "sigma": 0.5 } },
            { "id": "d", "exits": { "won": 0.6, "lost": 0.4 }, "dwell": { "dist": "exponential", "mean": 1 } } ],
          "inflow": { "perDay": 40 },
          "pipeline": [ { "stage": "b", "count": 20, "age": 0.5 }, { "stage": "d", "count": 3 } ],
          "target": { "wins": 10 } }""";

    @Test
    void theTenPercentStageIsNamedFirst() {
        Sensitivity s = Sensitivity.exact(TestScenarios.funnelOf(BOTTLENECK), 50);
        assertEquals("b", s.bottleneck());
        assertEquals("c", s.stages().get(0).advanceTo());
        Sensitivity.StageEffect b = s.stages().get(0);
        assertTrue(b.winsUp() > 0 && b.winsDown() < 0 && b.winsFaster() > 0 && b.winsSlower() < 0);
    }

    /**
     * Monte Carlo sensitivity with common random numbers: three seeds name the same bottleneck
     * and agree on its effect. Each seed's difference comes from paired runs, so its noise is far
     * below that of the runs themselves.
     */
    @Test
    void monteCarloDifferencesAreStableAcrossSeeds() {
        Funnel f = TestScenarios.funnelOf(BOTTLENECK);
        Sensitivity exact = Sensitivity.exact(f, 50);
        double exactUp = exact.stages().get(0).winsUp();
        double[] up = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            Sensitivity mc = Sensitivity.monteCarlo(f, 20_000, 1000 + seed, 2);
            assertEquals("b", mc.bottleneck(), "seed " + seed);
            up[seed] = mc.stages().get(0).winsUp();
        }
        double spread = Math.max(up[0], Math.max(up[1], up[2])) - Math.min(up[0], Math.min(up[1], up[2]));
        // The wins themselves have sd ~ 3.5: 20,000 independent runs would give differences with
        // sd ~ 3.5 * sqrt(2 / 20000) = 0.035 each; common random numbers must do much better.
        assertTrue(spread < 0.04 * Math.abs(exactUp), "spread " + spread + " vs effect " + exactUp);
        for (double u : up) {
            assertEquals(exactUp, u, 0.05 * Math.abs(exactUp), "Monte Carlo difference vs exact");
        }
    }

    @Test
    void advancingMovesTheOtherExitsInProportion() {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        var price = Sensitivity.withAdvance(f, Absorption.of(f), 3, 0.05).stage("price").exits();
        assertEquals(0.85, price.get(0).probability(), 1e-12);
        assertEquals(0.1 * 0.15 / 0.2, price.get(1).probability(), 1e-12);
        assertEquals(1.0, price.stream().mapToDouble(e -> e.probability()).sum(), 1e-12);
        // commit's advance is won; with nothing but lost beside it, +5 points come from lost.
        var commit = Sensitivity.withAdvance(f, Absorption.of(f), 4, 0.05).stage("commit").exits();
        assertEquals(0.95, commit.get(0).probability(), 1e-12);
        assertEquals(0.05, commit.get(1).probability(), 1e-12);
    }

    /**
     * The coarse grid that ranks the stages for sweeps and the explorer names the same bottleneck
     * as the default grid, on each shipped scenario and on what-ifs of telesales (inflow 3 and 8
     * a day, the contact stage's advance 0.3 and 0.7).
     */
    @Test
    void theRankingGridNamesTheDefaultGridsBottleneck() {
        List<Funnel> funnels = new ArrayList<>();
        for (String file : TestScenarios.SHIPPED) {
            funnels.add(TestScenarios.funnel(file));
        }
        for (String[] what : new String[][] {{"inflow.perDay", "3"}, {"inflow.perDay", "8"},
            {"stages.contact.exits.need", "0.3"}, {"stages.contact.exits.need", "0.7"}}) {
            funnels.add(Funnel.of(ScenarioSource.readFile(Path.of("scenarios/telesales.json"),
                List.of(new Setting(what[0], what[1])))));
        }
        for (Funnel f : funnels) {
            int full = ExactMethod.defaultStepsPerDay(f.scenario().horizonDays());
            assertEquals(Sensitivity.exact(f, full).bottleneck(), Sensitivity.exact(f, Sensitivity.RANKING_STEPS).bottleneck(),
                f.scenario().name());
        }
    }
}
