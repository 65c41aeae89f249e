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

    @Test
    void uncertaintyNeedsCountsOrAnObservedInflow() {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        assertThrows(IllegalArgumentException.class, () -> MonteCarloEngine.forecast(f,
            new MonteCarloEngine.Options(1000, 1, 1).withUncertainty(true)));
    }
}
