package funnelcast.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.PushClock;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * The closing push against hand derivations. March 2027 has 23 working days; with a push of 2
 * over the last 3, the push clock reads {@code L(t) = t} up to 20 and {@code 20 + 2 (t - 20)}
 * after, so {@code L(23) = 26}. A deal at a closing stage with an exponential dwell of mean 5
 * is won by T with probability {@code 0.7 (1 - exp(-L(T) / 5))} (the dwell is memoryless, so
 * its age does not matter), and a new deal arriving at a with {@code 0.7 (1 - exp(-(L(T) - L(a)) / 5))}.
 */
class ClosingPushTest {
    private static final double MU = 1 / 5.0;

    private static Funnel march(String stages, String entry, String rest, String push) {
        return TestScenarios.funnelOf(String.format(Locale.ROOT, """
            { "calendar": { "start": "2027-03-01", "end": "2027-03-31" }, "entry": "%s", "stages": [ %s ] %s
              %s }""", entry, stages, rest, push.isEmpty() ? "" : ", \"monthEffects\": { \"push\": " + push + " }"));
    }

    private static final String CLOSING = """
        { "id": "commit", "exits": { "won": 0.7, "lost": 0.3 }, "dwell": { "dist": "exponential", "mean": 5 } }""";

    @Test
    void theClockRunsFasterInsideTheWindowAndInvertsExactly() {
        PushClock clock = march(CLOSING, "commit", "", "{ \"factor\": 2, \"days\": 3 }").push();
        assertEquals(20, clock.firstWindow());
        assertEquals(26, clock.at(23), 1e-12);
        assertEquals(21, clock.at(20.5), 1e-12);
        assertEquals(-1, clock.at(-1), 1e-12);
        for (double t : new double[] {-3, 0, 7.5, 20, 21.25, 23, 30}) {
            for (double d : new double[] {0, 0.3, 2, 9}) {
                assertEquals(clock.at(t) + d, clock.at(clock.after(t, d)), 1e-12, "t " + t + " d " + d);
            }
        }
    }

    @Test
    void aPushedPipelineIsBinomialAtTheFasterClock() {
        Funnel f = march(CLOSING, "commit", ", \"pipeline\": [ { \"stage\": \"commit\", \"count\": 10, \"age\": 2 } ]",
            "{ \"factor\": 2, \"days\": 3 }");
        Forecast exact = ExactMethod.forecast(f);
        double bound = ((Forecast.Exact) exact.method()).pmfTotalVariation();
        BinomialDistribution b = BinomialDistribution.of(10, 0.7 * (1 - Math.exp(-26 * MU)));
        double tv = 0;
        for (int k = 0; k <= 10; k++) {
            tv += Math.abs(b.probability(k) - exact.wins().pmf(k)) / 2;
        }
        assertTrue(tv <= bound + 1e-12, "TV " + tv + " above the bound " + bound);
        assertTrue(bound < 1e-3, "bound " + bound);
        // Day 21, half way into the window: L(21) = 22.
        assertEquals(10 * 0.7 * (1 - Math.exp(-22 * MU)), exact.daily().get(20).mean(), 10 * bound + 1e-12);
        // Day 20, before the window: no push yet.
        assertEquals(10 * 0.7 * (1 - Math.exp(-20 * MU)), exact.daily().get(19).mean(), 10 * bound + 1e-12);
    }

    @Test
    void pushedInflowWinsArePoissonWithTheIntegratedClock() {
        Funnel f = march(CLOSING, "commit", ", \"inflow\": { \"perDay\": 2 }", "{ \"factor\": 2, \"days\": 3 }");
        // integral_0^20 (1 - e^(-mu (26 - a))) da + integral_20^23 (1 - e^(-2 mu (23 - a))) da
        double m = 2 * 0.7 * (20 - (Math.exp(-6 * MU) - Math.exp(-26 * MU)) / MU + 3 - (1 - Math.exp(-6 * MU)) / (2 * MU));
        Forecast exact = ExactMethod.forecast(f);
        double bound = ((Forecast.Exact) exact.method()).pmfTotalVariation();
        assertEquals(m, exact.wins().mean(), bound + 1e-12);
        PoissonDistribution p = PoissonDistribution.of(m);
        double tv = 0;
        for (int k = 0; k < 80; k++) {
            tv += Math.abs(p.probability(k) - exact.wins().pmf(k)) / 2;
        }
        assertTrue(tv <= bound + 1e-10, "TV " + tv + " above the bound " + bound);

        long trials = 200_000;
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 17L, 2));
        assertEquals(m, mc.wins().mean(), 4 * Math.sqrt(m / trials));
    }

    /**
     * Two stages: a deal at "need" moves on after an exponential dwell X of mean 2 (not pushed:
     * it does not end in a win), then closes with 0.5 after Y of mean 15 on the push clock. By
     * hand, P(won by T) = 0.5 integral_0^T f_X(x) (1 - exp(-(L(T) - L(x)) / 15)) dx, integrated
     * here by Simpson's rule on each side of the window's start.
     */
    @Test
    void onlyDwellsThatEndInAWinArePushed() {
        String stages = """
            { "id": "need", "exits": { "commit": 1 }, "dwell": { "dist": "exponential", "mean": 2 } },
            { "id": "commit", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "exponential", "mean": 15 } }""";
        Funnel f = march(stages, "need", ", \"pipeline\": [ { \"stage\": \"need\", \"count\": 12, \"age\": 0 } ]",
            "{ \"factor\": 3, \"days\": 3 }");
        PushClock clock = f.push();
        DoubleUnaryOperator g = x -> 0.5 * 0.5 * Math.exp(-x / 2) * (1 - Math.exp(-(clock.at(23) - clock.at(x)) / 15));
        double q = simpson(g, 0, 20) + simpson(g, 20, 23);
        Forecast exact = ExactMethod.forecast(f);
        double bound = ((Forecast.Exact) exact.method()).pmfTotalVariation();
        BinomialDistribution b = BinomialDistribution.of(12, q);
        double tv = 0;
        for (int k = 0; k <= 12; k++) {
            tv += Math.abs(b.probability(k) - exact.wins().pmf(k)) / 2;
        }
        assertTrue(tv <= bound + 1e-9, "TV " + tv + " above the bound " + bound);
        Funnel none = march(stages, "need", ", \"pipeline\": [ { \"stage\": \"need\", \"count\": 12, \"age\": 0 } ]", "");
        assertTrue(exact.wins().mean() > ExactMethod.forecast(none).wins().mean() + 0.1, "the push adds wins");

        long trials = 200_000;
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 5L, 2));
        assertEquals(12 * q, mc.wins().mean(), 4 * Math.sqrt(12 * q * (1 - q) / trials));
    }

    @Test
    void aQuarterlyPushLeavesOtherMonthsAlone() {
        String pipeline = ", \"pipeline\": [ { \"stage\": \"commit\", \"count\": 10, \"age\": 2 } ]";
        Funnel feb = TestScenarios.funnelOf(String.format(Locale.ROOT, """
            { "calendar": { "start": "2027-02-01", "end": "2027-02-26" }, "entry": "commit", "stages": [ %s ] %s,
              "monthEffects": { "push": { "factor": 2, "days": 3, "period": "quarter" } } }""", CLOSING, pipeline));
        assertTrue(feb.push().isNone());
        Funnel quarter = march(CLOSING, "commit", pipeline, "{ \"factor\": 2, \"days\": 3, \"period\": \"quarter\" }");
        Funnel month = march(CLOSING, "commit", pipeline, "{ \"factor\": 2, \"days\": 3 }");
        assertEquals(ExactMethod.forecast(month).wins().mean(), ExactMethod.forecast(quarter).wins().mean(), 0);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b) {
        int n = 2000;
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
