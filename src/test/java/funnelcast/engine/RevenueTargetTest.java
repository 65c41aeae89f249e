package funnelcast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import funnelcast.TestScenarios;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import org.junit.jupiter.api.Test;

class RevenueTargetTest {
    /**
     * One named deal worth 500 at an exponential stage (mean 4) that wins with 0.6: it wins in the
     * ten days with q = 0.6 (1 - e^(-10/4)), and revenue reaches a target of 500 exactly when it
     * does. The share of trials is within 4 standard errors of q, on both engine paths.
     */
    @Test
    void pRevenueReachesTheTargetAsDerivedByHand() {
        Funnel f = TestScenarios.tenDays("s", """
            { "id": "s", "exits": { "won": 0.6, "lost": 0.4 }, "dwell": { "dist": "exponential", "mean": 4 } }""",
            ", \"pipeline\": [ { \"id\": \"X\", \"stage\": \"s\", \"value\": 500 } ],"
                + " \"target\": { \"wins\": 1, \"revenue\": 500 }, \"dealValue\": { \"dist\": \"fixed\", \"value\": 100 }");
        double q = 0.6 * (1 - Math.exp(-10 / 4.0));
        int n = 200_000;
        for (boolean plain : new boolean[] {false, true}) {
            Forecast r = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, 5, 2).withWinnersOnly(!plain));
            double p = r.revenue().orElseThrow().pHitTarget().orElseThrow();
            assertEquals(q, p, 4 * Math.sqrt(q * (1 - q) / n), "plain paths " + plain);
            assertEquals(r.pHitTarget().getAsDouble(), p, 1e-12, "the same event as winning the one deal");
        }
        assertTrue(MonteCarloEngine.forecast(TestScenarios.funnel("scenarios/telesales.json"),
            new MonteCarloEngine.Options(1000, 1, 1)).revenue().orElseThrow().pHitTarget().isEmpty(),
            "no revenue target, no P(revenue)");
    }
}
