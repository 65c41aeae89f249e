package funnelcast.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.MonthEffects;
import funnelcast.model.Scenario;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Month effects checked against hand derivations: a Gamma-mixed Poisson inflow is negative
 * binomial, a conversion shift turns a closing pipeline into a binomial at the shifted odds, and a
 * random shift into a logit-normal mixture of binomials, integrated here by Simpson's rule on a
 * fine grid (independent of the Gauss-Hermite rule the exact method uses).
 */
class MonthEffectsTest {
    /** Ten working days; one stage that closes fast, winning with probability 0.3. */
    private static Funnel closing(String pipeline, String inflow, String effects) {
        return TestScenarios.tenDays("a", """
            { "id": "a", "exits": { "won": 0.3, "lost": 0.7 }, "dwell": { "dist": "exponential", "mean": 0.05 } }""",
            ", " + pipeline + ", " + inflow + (effects.isEmpty() ? "" : ", \"monthEffects\": " + effects));
    }

    @Test
    void theGammaMixedPoissonTermIsNegativeBinomial() {
        for (double mean : new double[] {0.3, 7.5, 140}) {
            Convolution c = new Convolution();
            c.addInflow(mean, 0.5); // shape r = 4
            double[] pmf = c.pmf();
            PascalDistribution nb = PascalDistribution.of(4, 4 / (4 + mean));
            double tv = 0;
            for (int k = 0; k < pmf.length + 50; k++) {
                tv += Math.abs((k < pmf.length ? pmf[k] : 0) - nb.probability(k));
            }
            assertTrue(tv / 2 < 1e-11, "mean " + mean + ": TV " + tv / 2);
        }
    }

    @Test
    void aRandomInflowFactorMakesTheInflowWinsNegativeBinomial() {
        // Inflow wins: lambda * integral_0^T 0.3 (1 - e^(-v/0.05)) dv, times the mean factor 1.2.
        Funnel f = closing("\"pipeline\": []", "\"inflow\": { \"perDay\": 3 }",
            "{ \"inflow\": { \"factor\": 1.2, \"cv\": 0.5 } }");
        double m = 1.2 * 3 * 0.3 * (10 - 0.05 * (1 - Math.exp(-10 / 0.05)));
        Forecast exact = ExactMethod.forecast(f);
        assertEquals(m, exact.wins().mean(), 1e-9);
        assertEquals(Math.sqrt(m + m * m / 4), exact.wins().sd(), 1e-9);
        PascalDistribution nb = PascalDistribution.of(4, 4 / (4 + m));
        for (int k = 0; k < 60; k++) {
            assertEquals(nb.probability(k), exact.wins().pmf(k), 1e-10, "P(W = " + k + ")");
        }
    }

    @Test
    void aFixedShiftMakesTheClosingPipelineBinomialAtTheShiftedOdds() {
        Funnel f = closing("\"pipeline\": [ { \"stage\": \"a\", \"count\": 20, \"age\": 0 } ]", "\"inflow\": { \"perDay\": 0 }",
            "{ \"conversion\": { \"shift\": 0.7 } }");
        double odds = 0.3 / 0.7 * Math.exp(0.7);
        BinomialDistribution b = BinomialDistribution.of(20, odds / (1 + odds));
        Forecast exact = ExactMethod.forecast(f);
        for (int k = 0; k <= 20; k++) {
            assertEquals(b.probability(k), exact.wins().pmf(k), 1e-12, "P(W = " + k + ")");
        }
    }

    @Test
    void aRandomShiftIsALogitNormalMixtureOfBinomials() {
        Funnel f = closing("\"pipeline\": [ { \"stage\": \"a\", \"count\": 20, \"age\": 0 } ]", "\"inflow\": { \"perDay\": 0 }",
            "{ \"conversion\": { \"shift\": 0.4, \"sd\": 0.8 } }");
        double[] hand = new double[21];
        double mean = 0;
        NormalDistribution normal = NormalDistribution.of(0.4, 0.8);
        int n = 4000; // Simpson over +-8 sd
        double lo = 0.4 - 8 * 0.8;
        double h = 16 * 0.8 / n;
        for (int i = 0; i <= n; i++) {
            double e = lo + i * h;
            double w = (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * h / 3 * normal.density(e);
            double odds = 0.3 / 0.7 * Math.exp(e);
            BinomialDistribution b = BinomialDistribution.of(20, odds / (1 + odds));
            for (int k = 0; k <= 20; k++) {
                hand[k] += w * b.probability(k);
            }
            mean += w * 20 * odds / (1 + odds);
        }
        Forecast exact = ExactMethod.forecast(f);
        // The Gauss-Hermite rule's error is estimated (16 against 12 nodes) into the bound; it must
        // hold the truth and be small enough to be of use.
        double bound = ((Forecast.Exact) exact.method()).pmfTotalVariation();
        assertTrue(bound < 0.01, "bound " + bound);
        double tv = 0;
        for (int k = 0; k <= 20; k++) {
            tv += Math.abs(hand[k] - exact.wins().pmf(k)) / 2;
        }
        assertTrue(tv <= bound, "TV " + tv + " > bound " + bound);
        assertEquals(mean, exact.wins().mean(), 20 * bound);

        long trials = 200_000;
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 11L, 2));
        assertEquals(mean, mc.wins().mean(), 4 * mc.wins().sd() / Math.sqrt(trials));
    }

    @Test
    void aPaceIsAChangeOfClock() {
        // One stage, exponential dwell of mean 4 days, 30 deals of age 0: each wins by day 10 with
        // 0.3 (1 - exp(-10 pace / 4)); at pace 1.5 the clock runs 15 days' worth.
        Funnel f = TestScenarios.tenDays("a", """
            { "id": "a", "exits": { "won": 0.3, "lost": 0.7 }, "dwell": { "dist": "exponential", "mean": 4 } }""",
            ", \"pipeline\": [ { \"stage\": \"a\", \"count\": 30, \"age\": 2 } ], \"monthEffects\": { \"pace\": 1.5 }");
        double q = 0.3 * (1 - Math.exp(-10 * 1.5 / 4));
        Forecast exact = ExactMethod.forecast(f);
        assertEquals(30 * q, exact.wins().mean(), 1e-9);
        BinomialDistribution b = BinomialDistribution.of(30, q);
        for (int k = 0; k <= 30; k++) {
            assertEquals(b.probability(k), exact.wins().pmf(k), 1e-9, "P(W = " + k + ")");
        }
        long trials = 200_000;
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 3L, 2));
        assertEquals(30 * q, mc.wins().mean(), 4 * mc.wins().sd() / Math.sqrt(trials));
    }

    /**
     * A cure fraction: a fifth of the visits stall. A deal of age 6 has stalled with probability
     * 0.2 / (0.2 + 0.8 e^(-6/4)) (its survival so far is evidence), and otherwise wins by day 10
     * with 0.3 (1 - e^(-10/4)) (the exponential dwell forgets its age).
     */
    @Test
    void aStalledShareIsACureFraction() {
        Funnel f = TestScenarios.tenDays("a", """
            { "id": "a", "exits": { "won": 0.3, "lost": 0.7 }, "stalled": 0.2, "dwell": { "dist": "exponential", "mean": 4 } }""",
            ", \"pipeline\": [ { \"stage\": \"a\", \"count\": 30, \"age\": 6 } ]");
        double stalled = 0.2 / (0.2 + 0.8 * Math.exp(-6 / 4.0));
        double q = (1 - stalled) * 0.3 * (1 - Math.exp(-10 / 4.0));
        Forecast exact = ExactMethod.forecast(f);
        double bound = ((Forecast.Exact) exact.method()).meanError();
        assertEquals(30 * q, exact.wins().mean(), bound + 1e-9);
        long trials = 200_000;
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 9L, 2));
        assertEquals(30 * q, mc.wins().mean(), 4 * mc.wins().sd() / Math.sqrt(trials));
        // Every visit of a new deal stalls with 0.2: its eventual win probability is 0.8 x 0.3.
        assertEquals(0.24, Absorption.of(f).winProbability(f.entry()), 1e-12);
    }

    @Test
    void fixedEffectsEqualTheEditedScenario() {
        Funnel base = TestScenarios.funnel("src/test/resources/scenarios/exit-dwell-aged.json");
        MonthEffects fixed = new MonthEffects(1.3, 0, 0.5, 0);
        Funnel withEffects = Funnel.of(base.scenario().withMonthEffects(fixed));
        Funnel shifted = MonthNodes.shifted(base, 0.5);
        var s = shifted.scenario();
        Funnel edited = Funnel.of(new Scenario(s.name(), s.calendar(), s.entry(), s.stages(),
            new Inflow(s.inflow().perDay() * 1.3, 0, null), s.pipeline(), s.target(), s.dealValue()));
        Forecast a = ExactMethod.forecast(withEffects);
        Forecast b = ExactMethod.forecast(edited);
        assertEquals(b.wins().mean(), a.wins().mean(), 1e-12);
        assertEquals(b.pHitTarget().getAsDouble(), a.pHitTarget().getAsDouble(), 1e-12);

        long trials = 100_000;
        Forecast mc = MonteCarloEngine.forecast(withEffects, new MonteCarloEngine.Options(trials, 5L, 2));
        double bound = ((Forecast.Exact) b.method()).meanError();
        assertEquals(b.wins().mean(), mc.wins().mean(), 4 * mc.wins().sd() / Math.sqrt(trials) + bound);
        // The shift moved the forecast: the check has something to see.
        assertTrue(a.wins().mean() > ExactMethod.forecast(base).wins().mean() + 1);
    }
}
