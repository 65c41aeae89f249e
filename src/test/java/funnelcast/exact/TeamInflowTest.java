package funnelcast.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * A team's day-by-day inflow against a hand derivation. March 2027 has 23 working days. Three
 * reps bring 2 new deals a working day each once ramped: a is ramped; b is hired on Wednesday
 * 10 March (working day 8) and ramps over 5 working days (2/5, then 4/5, ... of the rate: 1/5 on
 * day 8, full from day 12); c is off on 15 and 16 March (days 11 and 12). A new deal closes with
 * 0.7 after an exponential dwell of mean 5, so one arriving at a is won by T with
 * {@code 0.7 (1 - e^(-(T - a)/5))}, and day k's arrivals (rate constant within the day) add
 * {@code 0.7 rate_k (1 - 5 (e^(-(T - k)/5) - e^(-(T - k + 1)/5)))}: the wins are Poisson with
 * the sum as mean.
 */
class TeamInflowTest {
    private static final String SCENARIO = """
        { "calendar": { "start": "2027-03-01", "end": "2027-03-31" }, "entry": "commit",
          "stages": [ { "id": "commit", "exits": { "won": 0.7, "lost": 0.3 }, "dwell": { "dist": "exponential", "mean": 5 } } ],
          "inflow": { "perRepPerDay": 2, "team": { "rampDays": 5, "reps": [
            { "id": "a" }, { "id": "b", "start": "2027-03-10" }, { "id": "c", "daysOff": ["2027-03-15", "2027-03-16"] } ] } },
          "target": { "wins": 30 } }""";

    static double rate(int k) {
        double b = k < 8 ? 0 : Math.min(1, (k - 7) / 5.0);
        double c = k == 11 || k == 12 ? 0 : 1;
        return 2 * (1 + b + c);
    }

    /** Expected wins by the end of day d. */
    static double mean(int d) {
        double m = 0;
        for (int k = 1; k <= d; k++) {
            m += 0.7 * rate(k) * (1 - 5 * (Math.exp(-(d - k) / 5.0) - Math.exp(-(d - k + 1) / 5.0)));
        }
        return m;
    }

    @Test
    void theTeamsDailyRatesFollowTheRampAndTheDaysOff() {
        double[] daily = TestScenarios.funnelOf(SCENARIO).dailyInflow();
        assertEquals(23, daily.length);
        for (int k = 1; k <= 23; k++) {
            assertEquals(rate(k), daily[k - 1], 1e-12, "day " + k);
        }
    }

    @Test
    void exactAndMonteCarloMatchTheHandDerivation() {
        Funnel f = TestScenarios.funnelOf(SCENARIO);
        Forecast exact = ExactMethod.forecast(f);
        double bound = ((Forecast.Exact) exact.method()).pmfTotalVariation();
        double m = mean(23);
        assertEquals(m, exact.wins().mean(), bound + 1e-12);
        assertEquals(mean(10), exact.daily().get(9).mean(), bound + 1e-12);
        PoissonDistribution p = PoissonDistribution.of(m);
        double tv = 0;
        for (int k = 0; k < 200; k++) {
            tv += Math.abs(p.probability(k) - exact.wins().pmf(k)) / 2;
        }
        assertTrue(tv <= bound + 1e-10, "TV " + tv + " above the bound " + bound);
        assertTrue(bound < 1e-2, "bound " + bound);

        long trials = 200_000;
        for (boolean winnersOnly : new boolean[] {true, false}) {
            Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 7L, 2).withWinnersOnly(winnersOnly));
            assertEquals(m, mc.wins().mean(), 4 * Math.sqrt(m / trials), "winners only " + winnersOnly);
            assertEquals(mean(10), mc.daily().get(9).mean(), 4 * Math.sqrt(mean(10) / trials) + 1e-9);
        }
    }

    /**
     * The hires plan names are checked by adding them: with that many hires from each start date
     * the exact P(hit) reaches the plan's confidence, and with one fewer it does not.
     */
    @Test
    void theHiresThePlanNamesReachTheTargetAndOneFewerDoesNot() {
        String scenario = SCENARIO.replace("\"wins\": 30", "\"wins\": 95"); // beyond the team as it stands
        Funnel f = TestScenarios.funnelOf(scenario);
        int steps = ExactMethod.defaultStepsPerDay(23);
        funnelcast.plan.Plan plan = funnelcast.plan.Plan.of(f, 0.8, steps);
        java.util.List<funnelcast.plan.Hires> hires = funnelcast.plan.Hires.of(f, plan.thisPeriod(), steps);
        assertTrue(hires.size() >= 3, "starts every 5 working days: " + hires);
        for (funnelcast.plan.Hires h : hires.subList(0, 3)) {
            assertTrue(h.needed() >= 1);
            for (int n : new int[] {h.needed(), h.needed() - 1}) {
                StringBuilder extra = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    extra.append(", { \"id\": \"h").append(i).append("\", \"start\": \"").append(h.start()).append("\" }");
                }
                Funnel with = TestScenarios.funnelOf(scenario.replace("\"2027-03-16\"] } ] }", "\"2027-03-16\"] }" + extra + " ] }"));
                Forecast fc = ExactMethod.forecast(with, steps);
                double bound = ((Forecast.Exact) fc.method()).pmfTotalVariation();
                double p = fc.pHitTarget().getAsDouble();
                if (n == h.needed()) {
                    assertTrue(p >= 0.8 - bound, h + ": " + n + " hires give P(hit) " + p);
                } else {
                    assertTrue(p < 0.8 + bound, h + ": " + n + " hires give P(hit) " + p);
                }
            }
        }
    }
}
