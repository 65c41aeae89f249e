package funnelcast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.PipelineDeal;
import funnelcast.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Monte Carlo engine against the exact method, on every shipped scenario and on test
 * scenarios with loops, aged deals, exit-specific dwells and every distribution.
 *
 * <p>The bound on the total-variation distance between the Monte Carlo pmf (N trials) and the
 * truth: E[TV] <= 1/2 sum_k sqrt(p_k (1 - p_k) / N) (Jensen, per cell), and TV moves by at
 * most 1/N when one trial changes, so by McDiarmid P(TV > E[TV] + t) <= exp(-2 N t^2); with
 * t = sqrt(ln(1/delta) / (2N)) and delta = 1e-6 a correct engine fails about once in a million
 * runs. The exact method's own proven TV bound is added (triangle inequality).
 */
class AgreementTest {
    static final int TRIALS = 200_000;
    static final double DELTA = 1e-6;
    /** Each scenario's exact forecast, solved once for both engine paths. */
    private static final Map<String, Forecast> EXACT = new ConcurrentHashMap<>();

    static Stream<String> scenarios() {
        return Stream.concat(TestScenarios.SHIPPED.stream(), TestScenarios.TEST.stream());
    }

    static double tvBound(Forecast exact, long n) {
        double expected = 0;
        for (double p : exact.wins().pmf()) {
            expected += 0.5 * Math.sqrt(p * (1 - p) / n);
        }
        return expected + Math.sqrt(Math.log(1 / DELTA) / (2.0 * n))
            + ((Forecast.Exact) exact.method()).pmfTotalVariation();
    }

    static double tv(Forecast a, Forecast b) {
        double tv = 0;
        int n = Math.max(a.wins().support(), b.wins().support());
        for (int k = 0; k < n; k++) {
            tv += Math.abs(a.wins().pmf(k) - b.wins().pmf(k));
        }
        return tv / 2;
    }

    static Stream<Arguments> cases() {
        return scenarios().flatMap(s -> Stream.of(Arguments.of(s, false),
            Arguments.of(s, true)));
    }

    /** Both engine paths: only the eventual winners (the default), and every deal (winnersOnly off). */
    @Tag("slow")
    @ParameterizedTest(name = "{0}, plain paths {1}")
    @MethodSource("cases")
    void monteCarloAgreesWithTheExactMethod(String path, boolean everyDeal) {
        Funnel funnel = TestScenarios.funnel(path);
        Forecast exact = EXACT.computeIfAbsent(path, p -> ExactMethod.forecast(funnel)); // both engine paths check one solve
        Forecast mc = MonteCarloEngine.forecast(funnel,
            new MonteCarloEngine.Options(TRIALS, 20261127L, 2).withWinnersOnly(!everyDeal));
        Forecast.Exact ex = (Forecast.Exact) exact.method();

        double bound = tvBound(exact, TRIALS);
        double tv = tv(mc, exact);
        assertTrue(tv <= bound, path + ": TV " + tv + " > bound " + bound);

        double se = mc.wins().sd() / Math.sqrt(TRIALS);
        assertEquals(exact.wins().mean(), mc.wins().mean(), 4 * se + ex.meanError(), path + " mean");

        if (exact.pHitTarget().isPresent()) {
            double p = exact.pHitTarget().getAsDouble();
            assertEquals(p, mc.pHitTarget().getAsDouble(),
                4 * Math.sqrt(p * (1 - p) / TRIALS) + ex.pmfTotalVariation() + 1e-12, path + " P(hit)");
        }
        if (exact.revenue().isPresent()) {
            double largestValue = funnel.scenario().dealValue().orElseThrow().mean();
            for (PipelineDeal d : funnel.scenario().pipeline()) {
                largestValue = Math.max(largestValue, d.value().orElse(0));
            }
            double revenueSe = mc.revenue().orElseThrow().sd() / Math.sqrt(TRIALS);
            assertEquals(exact.revenue().get().mean(), mc.revenue().get().mean(),
                4 * revenueSe + ex.meanError() * largestValue, path + " revenue mean");
            if (funnel.scenario().target().revenue().isPresent()) {
                // the exact tail carries its own bound (the revenue grid's bracket and the counts' TV)
                double p = exact.revenue().get().pHitTarget().getAsDouble();
                assertEquals(p, mc.revenue().get().pHitTarget().getAsDouble(),
                    4 * Math.sqrt(p * (1 - p) / TRIALS) + ex.revenueTailError() + 1e-12, path + " P(revenue >= target)");
            }
        }
        Forecast.Day last = mc.daily().get(mc.daily().size() - 1);
        assertEquals(mc.wins().mean(), last.mean(), 1e-9, "the last day holds all the horizon's wins");
    }

    /**
     * Day by day on the CTMC scenario, where the exact values carry no grid error: cumulative
     * wins by day k are a Poisson plus independent Bernoullis, so Var(W_k) <= E[W_k], which
     * bounds the standard error of the day's Monte Carlo mean.
     */
    @Test
    void theDailyFanAgreesDayByDay() {
        Funnel funnel = TestScenarios.funnel("src/test/resources/scenarios/loops-exponential.json");
        Forecast exact = ExactMethod.forecast(funnel);
        Forecast mc = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(TRIALS, 7L, 2));
        for (int d = 0; d < exact.daily().size(); d++) {
            double m = exact.daily().get(d).mean();
            // 4.9 SE per day keeps the family-wise false alarm below 1e-4 over the 21 days.
            assertEquals(m, mc.daily().get(d).mean(), 4.9 * Math.sqrt(m / TRIALS) + 1e-12, "day " + (d + 1));
            assertTrue(Math.abs(exact.daily().get(d).p50() - mc.daily().get(d).p50()) <= 1, "day median");
        }
    }

    /**
     * The test has power: the Monte Carlo pmf of the telesales scenario is farther than the
     * bound from the exact pmf of the same funnel whose commit stage wins 0.86 instead of 0.9.
     */
    @Test
    void theBoundCatchesASmallModelError() throws Exception {
        Funnel funnel = TestScenarios.funnel("scenarios/telesales.json");
        String text = Files.readString(Path.of("scenarios/telesales.json"))
            .replace("\"exits\": { \"won\": 0.9, \"lost\": 0.1 }", "\"exits\": { \"won\": 0.86, \"lost\": 0.14 }");
        Funnel wrong = Funnel.of(ScenarioReader.parse(text, "perturbed.json", false));
        Forecast exactWrong = ExactMethod.forecast(wrong);
        Forecast mc = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(TRIALS, 99L, 2));
        double bound = tvBound(exactWrong, TRIALS);
        assertTrue(tv(mc, exactWrong) > bound, "a 4-point error at commit must be detected: TV "
            + tv(mc, exactWrong) + " <= bound " + bound);
    }
}
