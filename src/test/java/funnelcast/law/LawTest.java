package funnelcast.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each distribution's maths against itself and its sampler against its maths, with tolerances
 * from the standard error of the sample (5 SE: a false alarm about once in 1.7 million runs).
 */
class LawTest {
    private static final int N = 200_000;

    static Stream<Law> all() {
        return Stream.of(new Exponential(2.5), new LogNormal(3, 0.8), new Gamma(2, 1.5), new Gamma(0.6, 4),
            new Weibull(1.5, 3), new Weibull(0.8, 2), new Fixed(2.5), new Uniform(1, 4),
            new Empirical(new double[] {1, 2, 2, 3.5, 7}));
    }

    @ParameterizedTest
    @MethodSource("all")
    void survivalComplementsCdf(Law d) {
        for (double x = 0; x < 12; x += 0.37) {
            assertEquals(1.0, d.cdf(x) + d.survival(x), 1e-12, d.describe() + " at " + x);
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void inverseCdfIsTheSmallestQuantile(Law d) {
        for (double p = 0.05; p < 1; p += 0.1) {
            double x = d.inverseCdf(p);
            assertTrue(d.cdf(x) >= p - 1e-9, d.describe() + " cdf(inverse(" + p + "))");
            assertTrue(d.cdf(x - 1e-6) <= p + 1e-9 || d.cdf(x - 1e-6) < d.cdf(x), d.describe());
            double y = d.inverseSurvival(1 - p);
            assertEquals(x, y, 1e-6 * Math.max(1, x), d.describe() + " inverse survival at " + (1 - p));
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void samplerMatchesMeanAndVariance(Law d) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
        ContinuousSampler s = d.sampler(rng);
        double sum = 0;
        double sumSq = 0;
        double belowMedian = 0;
        double median = d.inverseCdf(0.5);
        for (int i = 0; i < N; i++) {
            double x = s.sample();
            assertTrue(x >= 0, "non-negative");
            sum += x;
            sumSq += x * x;
            if (x <= median) {
                belowMedian++;
            }
        }
        double mean = sum / N;
        double se = Math.sqrt(d.variance() / N);
        assertEquals(d.mean(), mean, 5 * se + 1e-12, d.describe() + " mean");
        double variance = sumSq / N - mean * mean;
        // SE of a sample variance is sqrt((mu4 - sigma^4) / N); bound mu4 by a generous 50 sigma^4.
        assertEquals(d.variance(), variance, 5 * Math.sqrt(50.0 / N) * d.variance() + 1e-12, d.describe() + " var");
        double share = belowMedian / N;
        double expected = d.cdf(median);
        assertEquals(expected, share, 5 * Math.sqrt(expected * (1 - expected) / N) + 1e-12, d.describe() + " cdf");
    }

    /** E[X - a | X > a] = integral_0^inf S(a + u) du / S(a), by the trapezoid rule on a fine grid. */
    private static double residualMean(Law d, double age) {
        double s0 = d.survival(age);
        double h = 1e-3;
        double sum = 0;
        for (double u = 0; u < 400; u += h) {
            sum += (d.survival(age + u) + d.survival(age + u + h)) / 2 * h;
        }
        return sum / s0;
    }

    /** The sampled residual mean against the integrated one, within 5 SE (plus the trapezoid's error). */
    private static void assertResidualMean(Law d, double age, long seed) {
        ContinuousSampler r = d.residualSampler(RandomSource.L64_X128_MIX.create(seed), age);
        double sum = 0;
        double sumSq = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double x = r.sample();
            assertTrue(x >= 0);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(sumSq / n - mean * mean, 0));
        double expected = residualMean(d, age);
        assertEquals(expected, mean, 5 * sd / Math.sqrt(n) + 2e-3 * Math.max(1, expected),
            d.describe() + " residual mean at age " + age + " (survival " + d.survival(age) + ")");
    }

    @ParameterizedTest
    @MethodSource("all")
    void residualSamplerIsTheConditionalLaw(Law d) {
        assertResidualMean(d, Math.min(1.7, d.supportUpperBound() * 0.6), 5L);
    }

    /** Deals far into their stage take the other paths (inversion, or a dominating exponential). */
    @ParameterizedTest
    @MethodSource("all")
    void residualSamplerForOldDeals(Law d) {
        if (Double.isFinite(d.supportUpperBound())) {
            return;
        }
        for (double tail : new double[] {0.05, 0.001}) {
            assertResidualMean(d, d.inverseSurvival(tail), 9L);
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void anAgeBeyondTheSupportIsRefused(Law d) {
        double beyond = d.supportUpperBound();
        if (Double.isFinite(beyond)) {
            assertThrows(IllegalArgumentException.class,
                () -> d.residualSampler(RandomSource.L64_X128_MIX.create(1L), beyond));
        }
    }

    @Test
    void badParametersNameTheParameterAndTheValue() {
        ParameterException e = assertThrows(ParameterException.class, () -> new Exponential(-1));
        assertEquals("mean must be a positive finite number, got -1.0", e.getMessage());
        assertEquals("mean", e.parameter());
        assertEquals("median", assertThrows(ParameterException.class, () -> new LogNormal(Double.NaN, 1)).parameter());
        assertEquals("scale", assertThrows(ParameterException.class, () -> new Gamma(1, 0)).parameter());
        assertEquals("shape", assertThrows(ParameterException.class, () -> new Weibull(-2, 1)).parameter());
        assertEquals("value", assertThrows(ParameterException.class, () -> new Fixed(-0.5)).parameter());
        assertEquals("min", assertThrows(ParameterException.class, () -> new Uniform(3, 3)).parameter());
        assertEquals("values", assertThrows(ParameterException.class, () -> new Empirical(new double[0])).parameter());
        assertEquals("values", assertThrows(ParameterException.class, () -> new Empirical(new double[] {1, -1})).parameter());
    }
}
