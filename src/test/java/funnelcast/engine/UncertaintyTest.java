package funnelcast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import funnelcast.TestScenarios;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import org.apache.commons.math3.special.Beta;
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

    /** Exit probabilities from Dirichlet(counts + 1/2): with counts 3 and 1 the win share is Beta(3.5, 1.5), W beta-binomial. */
    @Test
    void exitProbabilitiesAreDrawnFromTheirDirichletPosterior() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "s",
              "stages": [ { "id": "s", "exitCounts": { "won": 3, "lost": 1 }, "dwell": { "dist": "fixed", "value": 0.001 } } ],
              "pipeline": [ { "stage": "s", "count": 10 } ] }""");
        int n = 200_000;
        Forecast drawn = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, 8, 2).withUncertainty(true));
        assertBetaBinomial(drawn, n, 10, 3.5, 1.5);
    }

    /**
     * W | p ~ Binomial(m, p) with p ~ Beta(a, b): the beta-binomial, whose pmf is
     * C(m,k) B(k+a, m-k+b) / B(a,b). The mean within 4 standard errors; the sd within 4 of its
     * asymptotic standard errors, sqrt((mu4 - var^2) / (4 var n)), from the exact fourth moment;
     * the pmf within the TV bound of AgreementTest (per-cell Jensen plus McDiarmid at 1e-6).
     */
    private static void assertBetaBinomial(Forecast drawn, long n, int m, double a, double b) {
        double[] pmf = new double[m + 1];
        double binomial = 1;
        for (int k = 0; k <= m; k++) {
            pmf[k] = binomial * Math.exp(Beta.logBeta(k + a, m - k + b) - Beta.logBeta(a, b));
            binomial = binomial * (m - k) / (k + 1);
        }
        double mean = 0;
        for (int k = 0; k <= m; k++) {
            mean += k * pmf[k];
        }
        double variance = 0;
        double mu4 = 0;
        double tvBound = Math.sqrt(Math.log(1e6) / (2.0 * n));
        double tv = 0;
        for (int k = 0; k <= m; k++) {
            variance += Math.pow(k - mean, 2) * pmf[k];
            mu4 += Math.pow(k - mean, 4) * pmf[k];
            tvBound += 0.5 * Math.sqrt(pmf[k] * (1 - pmf[k]) / n);
            tv += Math.abs(pmf[k] - drawn.wins().pmf(k)) / 2;
        }
        assertEquals(mean, drawn.wins().mean(), 4 * Math.sqrt(variance / n));
        assertEquals(Math.sqrt(variance), drawn.wins().sd(), 4 * Math.sqrt((mu4 - variance * variance) / (4 * variance * n)));
        assertTrue(tv <= tvBound, "TV " + tv + " > " + tvBound);
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
        assertBetaBinomial(drawn, n, 10, 3.5, 0.5);
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
        Forecast plain = MonteCarloEngine.forecast(f, options.withWinnersOnly(false));
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
        assertThrows(funnelcast.InputException.class, () -> MonteCarloEngine.forecast(f,
            new MonteCarloEngine.Options(1000, 1, 1).withUncertainty(true)));
    }
}
