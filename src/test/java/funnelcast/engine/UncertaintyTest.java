package funnelcast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import org.junit.jupiter.api.Test;

class UncertaintyTest {
    /**
     * Every new deal wins at once (fixed dwell 0.001), so W is Poisson(lambda T) with lambda drawn
     * from Gamma(a, 1/days), a = deals + 1/2: E[W] = T a / days and Var[W] = E[W] + T^2 a / days^2
     * (a negative binomial). Without uncertainty Var[W] = E[W] at lambda = perDay.
     */
    @Test
    void theInflowRateIsDrawnFromItsGammaPosterior() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "s",
              "stages": [ { "id": "s", "exits": { "won": 1.0 }, "dwell": { "dist": "fixed", "value": 0.001 } } ],
              "inflow": { "perDay": 2, "observed": { "deals": 40, "days": 20 } } }""");
        int n = 200_000;
        Forecast plain = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, 3, 2));
        Forecast drawn = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, 3, 2).withUncertainty(true));
        double t = 10;
        double a = 40.5;
        double mean = t * a / 20;
        double variance = mean + t * t * a / (20.0 * 20.0);
        assertEquals(mean, drawn.wins().mean(), 4 * Math.sqrt(variance / n));
        // the sample variance's standard error, with the negative binomial's fourth moment bounded by 5 var^2
        assertEquals(Math.sqrt(variance), drawn.wins().sd(), 4 * Math.sqrt(5.0 / n) * Math.sqrt(variance) / 2);
        assertEquals(Math.sqrt(20), plain.wins().sd(), 0.05);
        assertTrue(((Forecast.MonteCarlo) drawn.method()).uncertainty());
    }

    /** Exit probabilities from Dirichlet(counts + 1/2): with counts 3 and 1 the win share is Beta(3.5, 1.5). */
    @Test
    void exitProbabilitiesAreDrawnFromTheirDirichletPosterior() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "s",
              "stages": [ { "id": "s", "exitCounts": { "won": 3, "lost": 1 }, "dwell": { "dist": "fixed", "value": 0.001 } } ],
              "pipeline": [ { "stage": "s", "count": 10 } ] }""");
        int n = 200_000;
        Forecast drawn = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, 8, 2).withUncertainty(true));
        // W | p ~ Binomial(10, p), p ~ Beta(3.5, 1.5): E = 10 * 0.7, Var = 10 E[p(1-p)] + 100 Var[p]
        double ep = 3.5 / 5;
        double varP = 3.5 * 1.5 / (25 * 6);
        double mean = 10 * ep;
        double variance = 10 * (ep - (varP + ep * ep)) + 100 * varP;
        assertEquals(mean, drawn.wins().mean(), 4 * Math.sqrt(variance / n));
        assertEquals(Math.sqrt(variance), drawn.wins().sd(), 0.03);
    }

    /**
     * An exit never seen (count 0) has probability 0 at its point value but is drawn with a
     * positive one, so aged deals must be able to take it. Both exits share the dwell, so the age
     * re-weights nothing and the win share is Beta(3.5, 0.5); every residual dwell (at most 4
     * days) ends in the horizon, so W | p ~ Binomial(10, p).
     */
    @Test
    void anExitNeverSeenCanBeTakenByAgedDeals() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "s",
              "stages": [ { "id": "s", "exitCounts": { "won": 3, "lost": 0 }, "dwell": { "dist": "uniform", "min": 0, "max": 5 } } ],
              "pipeline": [ { "stage": "s", "count": 10, "age": 1 } ] }""");
        int n = 200_000;
        Forecast drawn = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, 5, 2).withUncertainty(true));
        double ep = 3.5 / 4;
        double varP = 3.5 * 0.5 / (16 * 5);
        double mean = 10 * ep;
        double variance = 10 * (ep - (varP + ep * ep)) + 100 * varP;
        assertEquals(mean, drawn.wins().mean(), 4 * Math.sqrt(variance / n));
        assertEquals(Math.sqrt(variance), drawn.wins().sd(), 0.03);
    }

    /**
     * Under uncertainty the engine simulates only each trial's eventual winners (h solved for
     * the drawn probabilities), the plain path every deal: on a funnel with loops, a self-loop,
     * a fall-back, an exit never seen, exit-specific dwells, aged deals (one with its own value)
     * and an observed inflow, their wins mean, standard deviation, P(hit) and revenue mean agree
     * within 4 standard errors of the difference (the sd's error bounded by a fourth moment of at
     * most 5 var^2, as above).
     */
    @Test
    void onlyWinnersAndEveryDealGiveTheSameMixture() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-31" }, "entry": "a",
              "stages": [
                { "id": "a", "exitCounts": { "b": 30, "a": 6, "lost": 40 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 1 } },
                { "id": "b", "exitCounts": { "c": 20, "a": 5, "lost": 9 }, "dwell": { "dist": "lognormal", "median": 2, "sigma": 0.6 },
                  "exitDwell": { "lost": { "dist": "exponential", "mean": 6 } } },
                { "id": "c", "exitCounts": { "won": 12, "b": 3, "lost": 0 }, "dwell": { "dist": "weibull", "shape": 1.5, "scale": 2 } }
              ],
              "inflow": { "perDay": 3, "observed": { "deals": 60, "days": 20 } },
              "pipeline": [ { "stage": "a", "count": 8, "age": 1 }, { "stage": "b", "count": 5, "age": 3 },
                            { "stage": "c", "count": 4, "age": 2 }, { "id": "big", "stage": "c", "age": 1, "value": 50000 } ],
              "target": { "wins": 12 },
              "dealValue": { "dist": "lognormal", "median": 5000, "sigma": 0.5 } }""");
        int n = 100_000;
        MonteCarloEngine.Options options = new MonteCarloEngine.Options(n, 11, 2).withUncertainty(true);
        Forecast winners = MonteCarloEngine.forecast(f, options);
        Forecast plain = MonteCarloEngine.forecast(f, options.withPlainPaths(true));
        double sdW = winners.wins().sd();
        double sdP = plain.wins().sd();
        assertEquals(plain.wins().mean(), winners.wins().mean(), 4 * Math.sqrt((sdW * sdW + sdP * sdP) / n));
        double sigma = (sdW + sdP) / 2;
        assertEquals(sdP, sdW, 4 * Math.sqrt(2) * Math.sqrt(5.0 / n) * sigma / 2);
        double p = (plain.pHitTarget().getAsDouble() + winners.pHitTarget().getAsDouble()) / 2;
        assertEquals(plain.pHitTarget().getAsDouble(), winners.pHitTarget().getAsDouble(), 4 * Math.sqrt(2 * p * (1 - p) / n));
        double rW = winners.revenue().orElseThrow().sd();
        double rP = plain.revenue().orElseThrow().sd();
        assertEquals(plain.revenue().get().mean(), winners.revenue().get().mean(), 4 * Math.sqrt((rW * rW + rP * rP) / n));
        assertTrue(winners.wins().mean() > 3, "the test needs wins to say anything: " + winners.wins().mean());
    }

    @Test
    void uncertaintyNeedsCountsOrAnObservedInflow() {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        assertThrows(IllegalArgumentException.class, () -> MonteCarloEngine.forecast(f,
            new MonteCarloEngine.Options(1000, 1, 1).withUncertainty(true)));
    }
}
