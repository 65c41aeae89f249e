package funnelcast.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.QuickestWin;
import funnelcast.plan.Plan;
import funnelcast.plan.RequiredInflow;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * Where the model gives probability 0, both methods give exactly 0, and the planner says the
 * target is out of reach with the reason in numbers; where it can be reached, the required inflow
 * matches a hand derivation.
 */
class ZeroIsZeroTest {
    /**
     * 2026-12-01..21 less the 21st: 14 working days. Contact takes exactly {@code contact} days,
     * need Uniform(4, 6), commit exactly 6: the quickest win takes contact + 10 working days.
     */
    private static Funnel slow(double contact) {
        return TestScenarios.funnelOf(String.format(Locale.ROOT, """
            { "calendar": { "start": "2026-12-01", "end": "2026-12-21", "holidays": ["2026-12-21"] },
              "entry": "contact",
              "stages": [
                { "id": "contact", "exits": { "need": 0.5, "lost": 0.5 }, "dwell": { "dist": "fixed", "value": %s } },
                { "id": "need", "exits": { "commit": 0.6, "lost": 0.4 }, "dwell": { "dist": "uniform", "min": 4, "max": 6 } },
                { "id": "commit", "exits": { "won": 0.9, "lost": 0.1 }, "dwell": { "dist": "fixed", "value": 6 } },
                { "id": "orphan", "exits": { "lost": 1 }, "dwell": { "dist": "exponential", "mean": 2 } } ],
              "inflow": { "perDay": 5 },
              "pipeline": [ { "stage": "commit", "count": 3, "age": 1 }, { "stage": "need", "count": 4, "age": 0.5 } ],
              "target": { "wins": 10 } }""", contact));
    }

    @Test
    void aPathLongerThanTheHorizonGivesExactlyZero() {
        Funnel f = slow(5.5);
        assertEquals(14, f.scenario().horizonDays());
        assertEquals(15.5, QuickestWin.from(f, f.entry()));
        assertEquals(Double.POSITIVE_INFINITY, QuickestWin.from(f, f.index("orphan")), "no path to won");
        int steps = ExactMethod.defaultStepsPerDay(14);
        HorizonWins horizonWins = ExactMethod.horizonWins(f, steps);
        assertEquals(0.0, horizonWins.inflowIntegral().lower());
        assertEquals(0.0, horizonWins.inflowIntegral().upper(), "not round-off: exactly 0");
        // a need deal aged 0.5 wins at 3.5 + 6 = 9.5 at the soonest: exactly 0 on days 1..9
        WinCurves curves = ExactMethod.curves(f, steps);
        Bounds[] need = curves.dealWins(f.index("need"), 0.5);
        for (int day = 1; day <= 9; day++) {
            assertEquals(0.0, need[day - 1].upper(), "day " + day);
        }
        assertTrue(need[9].lower() > 0, "day 10");
        for (Bounds b : curves.dealWins(f.index("orphan"), 0)) {
            assertEquals(0.0, b.upper());
        }
        // the pipeline alone: 3 commit deals win with 0.9, 4 need deals with 0.6 * 0.9 (all by day 14)
        Forecast exact = ExactMethod.forecast(f, steps);
        double[] pmf = exact.wins().pmf();
        assertEquals(8, pmf.length, "nothing beyond the 7 pipeline deals");
        assertEquals(3 * 0.9 + 4 * 0.54, exact.wins().mean(), 1e-12);
        assertEquals(0.0, exact.pHitTarget().getAsDouble());
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(20_000, 7L, 2));
        assertEquals(0.0, mc.pHitTarget().getAsDouble());
        assertTrue(mc.wins().pmf().length <= 8, "no trial wins a new deal");

        Plan plan = Plan.of(f, 0.8, steps);
        RequiredInflow now = plan.thisHorizon();
        assertFalse(now.reachable());
        assertTrue(Double.isNaN(now.inflowPerDay()));
        assertEquals("the quickest path to a win takes 15.5 working days; the horizon holds 14", now.reason());
        for (RequiredInflow r : plan.curve()) {
            assertFalse(r.reachable(), "at " + r.confidence());
        }
    }

    /** The quickest path ends exactly at the horizon's end: the integral over [0, 14] is 0, however fine the grid. */
    @Test
    void aPathThatEndsWithTheHorizonIsOutOfReachToo() {
        RequiredInflow now = Plan.of(slow(4), 0.8, ExactMethod.defaultStepsPerDay(14)).thisHorizon();
        assertFalse(now.reachable(), now.toString());
        assertEquals("the quickest path to a win takes 14 working days; the horizon holds 14", now.reason());
    }

    /**
     * Contact exactly 2 days (on to need with 0.5), need Uniform(1, 3) (won with 0.8): a new deal is
     * won by t with F(t) = 0.4 clamp((t - 3) / 2, 0, 1), so over T = 10 working days
     * I = 0.4 (1 / 2 * 2 + (T - 5)) = 0.4 (T - 4). Two need deals aged 0 win by T with 0.8 each.
     * P(hit 8) = sum_k Bin(2, 0.8)(k) P(Poisson(lambda I) >= 8 - k) = c is solved by bisection.
     */
    @Test
    void whereTheTargetCanBeReachedTheInflowMatchesTheHandDerivation() {
        Funnel f = TestScenarios.tenDays("contact", """
            { "id": "contact", "exits": { "need": 0.5, "lost": 0.5 }, "dwell": { "dist": "fixed", "value": 2 } },
            { "id": "need", "exits": { "won": 0.8, "lost": 0.2 }, "dwell": { "dist": "uniform", "min": 1, "max": 3 } }""",
            """
            , "inflow": { "perDay": 1 }, "pipeline": [ { "stage": "need", "count": 2, "age": 0 } ],
              "target": { "wins": 8 }""");
        assertEquals(3.0, QuickestWin.from(f, f.entry()));
        double integral = 0.4 * (10 - 4);
        BinomialDistribution pipeline = BinomialDistribution.of(2, 0.8);
        for (double c : new double[] {0.5, 0.8, 0.95}) {
            double lo = 0;
            double hi = 100;
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                double p = 0;
                for (int k = 0; k <= 2; k++) {
                    p += pipeline.probability(k) * PoissonDistribution.of(mid * integral).survivalProbability(8 - k - 1);
                }
                if (p < c) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            RequiredInflow r = Plan.of(f, c, ExactMethod.defaultStepsPerDay(10)).thisHorizon();
            assertTrue(r.reachable(), r.toString());
            assertEquals(hi, r.inflowPerDay(), 0.01 * hi, "at " + c);
        }
    }

    /** The Poisson bound the exact method prints, against the total variation computed term by term. */
    @Test
    void thePoissonTotalVariationBoundHolds() {
        double[] means = {0.01, 0.3, 1, 4, 12, 30, 90, 250};
        double[] widths = {1e-6, 1e-3, 0.01, 0.1, 0.5};
        for (double m : means) {
            for (double w : widths) {
                double half = w * m;
                Bounds b = new Bounds(m - half, m + half);
                double bound = TotalVariation.poisson(1, b);
                for (double truth : new double[] {m - half, m + half}) {
                    double tv = totalVariation(m, truth);
                    assertTrue(tv <= bound * (1 + 1e-9) + 1e-15, "Po(" + m + ") against Po(" + truth + "): " + tv
                        + " > " + bound);
                }
                assertTrue(bound <= half + 1e-15, "never looser than the half-width it replaces");
            }
        }
    }

    private static double totalVariation(double a, double b) {
        PoissonDistribution p = PoissonDistribution.of(a);
        PoissonDistribution q = PoissonDistribution.of(b);
        double sum = 0;
        for (int k = 0; k < 2000; k++) {
            sum += Math.abs(p.probability(k) - q.probability(k));
        }
        return sum / 2;
    }
}
