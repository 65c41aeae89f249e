package funnelcast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.exact.HorizonWins;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;

/**
 * The planner's numbers against hand derivations (T = 10 working days: 2026-03-02..13). The
 * standing daily numbers are a month's: March 2026 has MONTH = 22 working days.
 */
class PlanTest {
    private static final int T = 10;
    private static final int MONTH = 22;

    private static Funnel funnel(String stages, String rest) {
        return TestScenarios.tenDays("a", stages, rest);
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    /**
     * A straight chain a -> b -> won, exponential dwells of means 2 and 3: h(a) = 0.6 * 0.5,
     * visits (1, 0.6), the standing rate target / (MONTH h(a)), stocks lambda v(s) m(s). With no
     * pipeline the wins are Poisson(lambda I), I = p1 p2 (T - (m1^2 (1 - e^-T/m1) - m2^2 (1 -
     * e^-T/m2)) / (m1 - m2)), and P(Pois(x) >= n) = P(Gamma(n, 1) <= x): the required inflow is
     * Gamma(n, 1)^-1(C) / I.
     */
    @Test
    void aStraightChain() {
        Funnel f = funnel("""
            { "id": "a", "exits": { "b": 0.6, "lost": 0.4 }, "dwell": { "dist": "exponential", "mean": 2 } },
            { "id": "b", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "exponential", "mean": 3 } }""",
            ", \"inflow\": { \"perRepPerDay\": 1, \"reps\": 4 }, \"target\": { \"wins\": 6, \"alreadyWon\": 1 }");
        Plan plan = Plan.of(f, 0.8, 100);
        double h = 0.3;
        double lambda = 6 / (MONTH * h);
        assertRelative(h, plan.pWinFromEntry(), 1e-12, "h(entry)");
        SteadyState st = plan.steadyState();
        assertRelative(lambda, st.inflowPerDay(), 1e-12, "standing inflow");
        assertRelative(lambda / 4, st.perRepPerDay(), 1e-12, "per rep");
        assertRelative(1.0, st.stages().get(0).expectedVisits(), 1e-12, "v(a)");
        assertRelative(0.6, st.stages().get(1).expectedVisits(), 1e-12, "v(b)");
        assertRelative(lambda * 0.6, st.stages().get(1).arrivalsPerDay(), 1e-12, "arrivals at b");
        assertRelative(lambda * 2, st.stages().get(0).inventory(), 1e-12, "stock at a");
        assertRelative(lambda * 0.6 * 3, st.stages().get(1).inventory(), 1e-12, "stock at b");
        assertRelative(0.5, st.stages().get(1).pWin(), 1e-12, "h(b)");

        double m1 = 2;
        double m2 = 3;
        double integral = 0.3 * (T - (m1 * m1 * (1 - Math.exp(-T / m1)) - m2 * m2 * (1 - Math.exp(-T / m2))) / (m1 - m2));
        assertRelative(integral, ExactMethod.horizonWins(f).inflowIntegral().mid(), 1e-12, "I");
        for (double c : new double[] {0.5, 0.8, 0.95}) {
            double required = GammaDistribution.of(5, 1).inverseCumulativeProbability(c) / integral;
            RequiredInflow r = RequiredInflow.solve(ExactMethod.horizonWins(f), 5, c, new Inflow(4, 4, null));
            assertTrue(r.reachable());
            assertRelative(required, r.inflowPerDay(), 1e-9, "required inflow at " + c);
            assertRelative(required / 4, r.perRepPerDay(), 1e-9, "per rep at " + c);
            assertEquals(c, r.pHitAtRequired(), 1e-9);
        }
    }

    /**
     * A chain with one loop: a -> b (0.8), b -> a (0.25, a fall-back), won (0.5). Then
     * h(a) = 0.8 * 0.5 / (1 - 0.8 * 0.25) = 0.5, v(a) = 1 / (1 - 0.2) = 1.25, v(b) = 0.8 v(a) = 1.
     * b's lost exit carries its own dwell (mean 6), so b's mean dwell is 0.75 * 2 + 0.25 * 6.
     */
    @Test
    void aChainWithOneLoop() {
        Funnel f = funnel("""
            { "id": "a", "exits": { "b": 0.8, "lost": 0.2 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 1 } },
            { "id": "b", "exits": { "a": 0.25, "won": 0.5, "lost": 0.25 }, "dwell": { "dist": "exponential", "mean": 2 },
              "exitDwell": { "lost": { "dist": "exponential", "mean": 6 } } }""",
            ", \"target\": { \"wins\": 10 }");
        Plan plan = Plan.of(f, 0.8, 50);
        double lambda = 10 / (MONTH * 0.5);
        SteadyState st = plan.steadyState();
        assertRelative(0.5, plan.pWinFromEntry(), 1e-12, "h(a)");
        assertRelative(0.5 + 0.25 * 0.5, st.stages().get(1).pWin(), 1e-12, "h(b) = w + r h(a)");
        assertRelative(lambda, st.inflowPerDay(), 1e-12, "inflow");
        assertRelative(1.25, st.stages().get(0).expectedVisits(), 1e-12, "v(a)");
        assertRelative(1.0, st.stages().get(1).expectedVisits(), 1e-12, "v(b)");
        assertRelative(0.75 * 2 + 0.25 * 6, st.stages().get(1).meanDwell(), 1e-12, "mean dwell of b");
        assertRelative(lambda * 1.25 * 2, st.stages().get(0).inventory(), 1e-12, "stock at a");
        assertRelative(lambda * 1.0 * 3, st.stages().get(1).inventory(), 1e-12, "stock at b");
    }

    /** The seed's rule: with a 20% win probability at contact, one deal a day needs 5 contacts a day. */
    @Test
    void telesalesReproducesFiveContactsADayForOneDeal() {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        int days = f.scenario().horizonDays();
        SteadyState oneADay = SteadyState.forWins(f, days);
        assertEquals(5.0, oneADay.inflowPerDay(), 1e-12);
        assertEquals(0.2, oneADay.pWinFromEntry(), 1e-12);
        // Steady state: deals reach commit at 5 * v(commit) a day and 90% of them win: one a day.
        assertEquals(1.0, oneADay.stages().get(4).arrivalsPerDay() * 0.9, 1e-12);
    }

    @Test
    void aPipelineThatReachesTheTargetAloneNeedsNoInflow() {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        RequiredInflow r = RequiredInflow.solve(ExactMethod.horizonWins(f), 3, 0.8, Inflow.NONE);
        assertTrue(r.reachable());
        assertEquals(0.0, r.inflowPerDay());
        assertTrue(r.pHitAtRequired() >= 0.8);
    }

    /**
     * Fixed dwells longer than the horizon: no new deal can close, so the target is out of reach
     * by inflow. The 3 deals aged 25 of a fixed 30-day dwell win at time 5 with 0.9 each:
     * best P(hit 2) = P(Binomial(3, 0.9) >= 2) = 0.972.
     */
    @Test
    void whenNoInflowCanReachItThePlanSaysSo() {
        Funnel f = funnel("""
            { "id": "a", "exits": { "won": 0.9, "lost": 0.1 }, "dwell": { "dist": "fixed", "value": 30 } }""",
            ", \"inflow\": { \"perDay\": 3 }, \"pipeline\": [ { \"stage\": \"a\", \"count\": 3, \"age\": 25 } ],"
                + " \"target\": { \"wins\": 3 }");
        Plan plan = Plan.of(f, 0.8, 50);
        RequiredInflow r = plan.thisHorizon();
        assertFalse(r.reachable());
        assertEquals(0.9 * 0.9 * 0.9, r.bestPHit(), 1e-9);
        // With 80% confidence the pipeline makes 2 wins (P(>= 2) = 0.972, P(>= 3) = 0.729).
        assertEquals(2, plan.reachableTarget());
        assertEquals(0.9, plan.pipelineChances().get(0).pWinInHorizon(), 1e-9);
        for (RequiredInflow c : plan.curve()) {
            assertEquals(c.confidence() <= 0.729, c.reachable(), "curve at " + c.confidence());
        }
    }

    /**
     * The required inflow really delivers. Monte Carlo at the reported inflow gives P(hit) within
     * 3 standard errors of C, plus the exact method's proven error where dwells are not
     * exponential. At 0.97 of the inflow it falls below C.
     */
    @Test
    void theRequiredInflowDelivers() {
        int trials = 200_000;
        for (String path : new String[] {"scenarios/telesales.json",
            "src/test/resources/scenarios/loops-exponential.json"}) {
            Funnel f = TestScenarios.funnel(path);
            double c = 0.8;
            HorizonWins horizonWins = ExactMethod.horizonWins(f);
            int needed = f.scenario().target().wins().getAsInt() - f.scenario().target().alreadyWon();
            RequiredInflow r = RequiredInflow.solve(horizonWins, needed, c, Inflow.NONE);
            assertTrue(r.reachable() && r.inflowPerDay() > 0, path);
            Forecast at = MonteCarloEngine.forecast(Funnel.of(f.scenario().withInflow(r.inflowPerDay())),
                new MonteCarloEngine.Options(trials, 314L, 2));
            double se = Math.sqrt(c * (1 - c) / trials);
            assertEquals(c, at.pHitTarget().getAsDouble(), 3 * se + horizonWins.errorBound(r.inflowPerDay()), path);
            Forecast below = MonteCarloEngine.forecast(
                Funnel.of(f.scenario().withInflow(0.97 * r.inflowPerDay())),
                new MonteCarloEngine.Options(trials, 315L, 2));
            assertTrue(below.pHitTarget().getAsDouble() < c, path + ": at 0.97 of the inflow P(hit) = "
                + below.pHitTarget().getAsDouble());
        }
    }
}
