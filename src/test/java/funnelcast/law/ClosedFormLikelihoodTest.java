package funnelcast.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The log likelihood of exactly observed values from their sums (exponential, lognormal, gamma,
 * Weibull) against the sum of Commons Statistics' log densities value by value, which is what
 * calibration computed before: equal to 1e-10 relative, at parameters near and far from the
 * values, for a narrow and a wide spread and with weights.
 */
class ClosedFormLikelihoodTest {
    @Test
    void theSumsGiveTheSameLikelihoodAsEveryValue() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7);
        for (double spread : new double[] {0.01, 1.5}) {
            double[] x = new double[500];
            double[] w = new double[500];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 * Math.exp(spread * (rng.nextDouble() - 0.5));
                w[i] = i % 7 == 0 ? 0 : rng.nextDouble() * 2;
            }
            WeightedValues sample = WeightedValues.of(x, w);
            List<Law> laws = List.of(new Exponential(0.4), new Exponential(9), new LogNormal(3, 0.02),
                new LogNormal(0.5, 2), new Gamma(0.6, 4), new Gamma(40, 0.08), new Weibull(0.7, 2), new Weibull(25, 3.1));
            for (Law law : laws) {
                double pointwise = 0;
                for (int i = 0; i < x.length; i++) {
                    pointwise += w[i] * law.logDensity(x[i]);
                }
                double closed = law.evaluation().logLikelihood(sample, -Double.MAX_VALUE);
                assertEquals(pointwise, closed, 1e-10 * Math.abs(pointwise), law + " at spread " + spread);
                double looped = new Law.Pointwise(law).logLikelihood(sample, -Double.MAX_VALUE);
                assertEquals(pointwise, looped, 1e-12 * Math.abs(pointwise), law + " value by value");
            }
        }
    }
}
