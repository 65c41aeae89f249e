package funnelcast.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.forecast.Forecast;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact method against closed forms derived by hand. The horizon is 2026-03-02..13:
 * ten working days, so T = 10 and day k ends at time k.
 */
class ExactMethodTest {
    private static final int T = 10;

    private static Funnel funnel(String stages, String rest) {
        return TestScenarios.tenDays("s", stages, rest);
    }

    private static double poisson(double mu, int k) {
        double logP = -mu + k * Math.log(mu);
        for (int i = 2; i <= k; i++) {
            logP -= Math.log(i);
        }
        return Math.exp(logP);
    }

    private static double binomial(int n, double q, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c * Math.pow(q, k) * Math.pow(1 - q, n - k);
    }

    /**
     * One exponential stage: F(t) = p (1 - e^(-t/m)); inflow wins by k are Poisson with mean
     * lambda p (k - m (1 - e^(-k/m))); a pipeline deal wins by k with F(k) whatever its age
     * (memoryless). W is Poisson + Binomial(4, F(T)); revenue adds fixed values.
     */
    @Test
    void oneExponentialStageWithInflowAndPipeline() {
        double p = 0.6;
        double m = 4;
        double lambda = 2;
        Funnel f = funnel("""
            { "id": "s", "exits": { "won": 0.6, "lost": 0.4 }, "dwell": { "dist": "exponential", "mean": 4 } }""",
            """
            , "inflow": { "perDay": 2 },
              "pipeline": [ { "stage": "s", "count": 3, "age": 5 }, { "id": "X", "stage": "s", "value": 500 } ],
              "target": { "wins": 12, "alreadyWon": 2 },
              "dealValue": { "dist": "fixed", "value": 100 }""");
        Forecast r = ExactMethod.forecast(f);
        assertTrue(r.method() instanceof Forecast.Exact e && e.solver().startsWith("CTMC"));
        double mu = lambda * p * (T - m * (1 - Math.exp(-T / m)));
        double q = p * (1 - Math.exp(-T / m));
        assertEquals(mu + 4 * q, r.wins().mean(), 1e-10);
        assertEquals(Math.sqrt(mu + 4 * q * (1 - q)), r.wins().sd(), 1e-10);
        double total = 0;
        for (int k = 0; k < r.wins().support(); k++) {
            double expected = 0;
            for (int i = 0; i <= Math.min(k, 4); i++) {
                expected += binomial(4, q, i) * poisson(mu, k - i);
            }
            assertEquals(expected, r.wins().pmf(k), 1e-12, "pmf[" + k + "]");
            total += r.wins().pmf(k);
        }
        assertEquals(1.0, total, 1e-11);
        double pHit = 0;
        for (int k = 10; k < r.wins().support(); k++) {
            pHit += r.wins().pmf(k);
        }
        assertEquals(pHit, r.pHitTarget().orElseThrow(), 1e-12);
        for (int k = 1; k <= T; k++) {
            double expected = lambda * p * (k - m * (1 - Math.exp(-k / m))) + 4 * p * (1 - Math.exp(-k / m));
            assertEquals(expected, r.daily().get(k - 1).mean(), 1e-10, "day " + k);
        }
        Forecast.Revenue rev = r.revenue().orElseThrow();
        assertEquals(100 * mu + 300 * q + 500 * q, rev.mean(), 1e-8);
        double variance = mu * 100 * 100 + 3 * 100 * 100 * q * (1 - q) + 500 * 500 * q * (1 - q);
        assertEquals(Math.sqrt(variance), rev.sd(), 1e-8);
    }

    /** Two exponential stages in a row: the hypoexponential cdf. */
    @Test
    void aChainOfTwoExponentialStages() {
        Funnel f = funnel("""
            { "id": "s", "exits": { "b": 0.7, "lost": 0.3 }, "dwell": { "dist": "exponential", "mean": 2 } },
            { "id": "b", "exits": { "won": 0.8, "lost": 0.2 }, "dwell": { "dist": "exponential", "mean": 5 } }""",
            ", \"pipeline\": [ { \"stage\": \"s\", \"count\": 1 } ]");
        double m1 = 2;
        double m2 = 5;
        double q = 0.7 * 0.8 * (1 - (m1 * Math.exp(-T / m1) - m2 * Math.exp(-T / m2)) / (m1 - m2));
        Forecast r = ExactMethod.forecast(f);
        assertEquals(q, r.wins().mean(), 1e-12);
        assertEquals(1 - q, r.wins().pmf(0), 1e-12);
    }

    /**
     * A self-loop is a new visit: leaving s for good takes an exponential time of mean
     * m / (1 - r) and ends in won with probability w / (1 - r). The renewal grid must bracket
     * the same value.
     */
    @Test
    void aSelfLoopThinsTheExponential() {
        Funnel f = funnel("""
            { "id": "s", "exits": { "s": 0.3, "won": 0.5, "lost": 0.2 }, "dwell": { "dist": "exponential", "mean": 2 } }""",
            ", \"pipeline\": [ { \"stage\": \"s\", \"count\": 1 } ], \"inflow\": { \"perDay\": 1.5 }");
        double r = 0.3;
        double w = 0.5;
        double m = 2;
        double rate = (1 - r) / m;
        double q = w / (1 - r) * (1 - Math.exp(-rate * T));
        double mu = 1.5 * w / (1 - r) * (T - (1 - Math.exp(-rate * T)) / rate);
        Forecast ctmc = ExactMethod.forecast(f);
        assertEquals(q + mu, ctmc.wins().mean(), 1e-11);
        Forecast grid = ExactMethod.forecastOnGrid(f, 100);
        Forecast.Exact bound = (Forecast.Exact) grid.method();
        assertEquals(q + mu, grid.wins().mean(), bound.meanError());
        assertTrue(bound.meanError() < 0.02, "grid bound " + bound.meanError());
    }

    /** A fixed dwell: the aged deal wins at time 3 - 1 = 2; inflow wins lambda p (T - 3). */
    @Test
    void aFixedDwell() {
        Funnel f = funnel("""
            { "id": "s", "exits": { "won": 0.7, "lost": 0.3 }, "dwell": { "dist": "fixed", "value": 3 } }""",
            ", \"pipeline\": [ { \"stage\": \"s\", \"count\": 2, \"age\": 1 } ], \"inflow\": { \"perDay\": 1 }");
        Forecast r = ExactMethod.forecast(f);
        double expected = 2 * 0.7 + 1 * 0.7 * (T - 3);
        Forecast.Exact bound = (Forecast.Exact) r.method();
        assertEquals(expected, r.wins().mean(), bound.meanError() + 1e-12);
        assertTrue(bound.meanError() < 0.01, "bound " + bound.meanError());
    }

    /** Uniform on [0, 4]: F(t) = p t / 4 up to 4, so inflow wins are lambda p (T - 2). */
    @Test
    void aUniformDwellWithAgedDeals() {
        Funnel f = funnel("""
            { "id": "s", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "uniform", "min": 0, "max": 4 } }""",
            ", \"pipeline\": [ { \"stage\": \"s\", \"count\": 4, \"age\": 1 } ], \"inflow\": { \"perDay\": 2 }");
        Forecast r = ExactMethod.forecast(f);
        Forecast.Exact bound = (Forecast.Exact) r.method();
        assertEquals(2 * 0.5 * (T - 2) + 4 * 0.5, r.wins().mean(), bound.meanError() + 1e-12);
        assertTrue(bound.meanError() < 0.01);
        // Before the uniform's end the pipeline is part way: by day 2, P(residual <= 2) = 2/3.
        double day2 = 2 * 0.5 * (2.0 * 2 / 2 / 4) + 4 * 0.5 * 2.0 / 3;
        assertEquals(day2, r.daily().get(1).mean(), 0.01);
    }

    /**
     * Exit-specific dwells reweight an aged deal's exits (spec section 3): with won after
     * Gamma(2, 2) and lost after Exp(1), a deal aged 3 wins with
     * w = 0.5 S_G(3) / (0.5 S_G(3) + 0.5 e^-3) and then by T with 1 - S_G(3 + T) / S_G(3).
     */
    @Test
    void anAgedDealWithExitSpecificDwells() {
        Funnel f = funnel("""
            { "id": "s", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 2 },
              "exitDwell": { "lost": { "dist": "exponential", "mean": 1 } } }""",
            ", \"pipeline\": [ { \"stage\": \"s\", \"count\": 1, \"age\": 3 } ]");
        double sg3 = Math.exp(-1.5) * (1 + 1.5);
        double sg13 = Math.exp(-6.5) * (1 + 6.5);
        double w = 0.5 * sg3 / (0.5 * sg3 + 0.5 * Math.exp(-3));
        double q = w * (1 - sg13 / sg3);
        Forecast r = ExactMethod.forecast(f);
        Forecast.Exact bound = (Forecast.Exact) r.method();
        assertEquals(q, r.wins().mean(), bound.meanError() + 1e-12);
        assertTrue(bound.meanError() < 1e-3);
        assertTrue(Math.abs(q - 0.5 * (1 - sg13 / sg3 * 0 - Math.exp(-6.5) * 7.5)) > 0.1,
            "the reweighting matters here: ignoring it would be far off");
    }

    /** The grid agrees with the CTMC solution on a funnel with loops and exit-specific dwells. */
    @Test
    void theGridBracketsTheCtmcSolution() {
        Funnel f = TestScenarios.funnel("src/test/resources/scenarios/loops-exponential.json");
        Forecast ctmc = ExactMethod.forecast(f);
        Forecast grid = ExactMethod.forecastOnGrid(f, 100);
        Forecast.Exact bound = (Forecast.Exact) grid.method();
        assertEquals(ctmc.wins().mean(), grid.wins().mean(), bound.meanError());
        double tv = 0;
        int n = Math.max(ctmc.wins().support(), grid.wins().support());
        for (int k = 0; k < n; k++) {
            tv += Math.abs(ctmc.wins().pmf(k) - grid.wins().pmf(k)) / 2;
        }
        assertTrue(tv <= bound.pmfTotalVariation(), "TV " + tv + " > bound " + bound.pmfTotalVariation());
        assertTrue(((Forecast.Exact) ctmc.method()).pmfTotalVariation() < 1e-10);
    }

    /** h and visits on the telesales funnel: the milestone labels, and visits from the loops by hand. */
    @Test
    void absorptionGivesTheMilestoneLabels() {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        Absorption a = Absorption.of(f);
        double[] labels = {0.2, 0.4, 0.6, 0.8, 0.9};
        for (int s = 0; s < labels.length; s++) {
            assertEquals(labels[s], a.winProbability(s), 1e-12, f.id(s));
        }
        // visits to commit per new contact: every path to won passes commit once and only commit
        // leads to won (with 0.9), so v(commit) * 0.9 = h(contact) = 0.2.
        assertEquals(0.2 / 0.9, a.visitsFromEntry(f.index("commit")), 1e-12);
    }
    /**
     * A snapshot's figures (no coarser mixture, no revenue tail) and the plan's pieces solved
     * beside them are the numbers the forecast and the planner give apart, bit for bit.
     */
    @Test
    void figuresAndTheHorizonArePartsOfTheForecastAndThePlan() {
        for (String path : List.of("src/test/resources/scenarios/month-effects-aged.json", "scenarios/midmonth-team.json")) {
            Funnel f = TestScenarios.funnel(path);
            int steps = ExactMethod.defaultStepsPerDay(f.scenario().horizonDays());
            Forecast full = ExactMethod.forecast(f);
            ExactMethod.Solution both = ExactMethod.figuresAndHorizon(f, steps);
            assertArrayEquals(full.wins().pmf(), both.forecast().wins().pmf(), path);
            assertArrayEquals(full.wins().pmf(), ExactMethod.winsFigures(f, steps).wins().pmf(), path);
            assertEquals(full.pHitTarget(), both.forecast().pHitTarget(), path);
            HorizonWins apart = ExactMethod.horizonWins(f, steps);
            assertArrayEquals(apart.pipelinePmf(), both.horizonWins().pipelinePmf(), path);
            assertEquals(apart.dealWins(), both.horizonWins().dealWins(), path);
        }
    }
}
