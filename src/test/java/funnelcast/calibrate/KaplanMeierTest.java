package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.law.Exponential;
import funnelcast.law.Gamma;
import funnelcast.law.Law;
import funnelcast.law.LogNormal;
import funnelcast.law.Weibull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The Kaplan-Meier distance passes over runs of steps that cannot hold the largest gap: it must
 * give exactly the gap that asking the fit at every step gives, for fits close to the curve and
 * far from it, on samples with ties (days) and without (timestamps), with and without censoring.
 */
class KaplanMeierTest {
    private static final List<Law> FITS = List.of(new Gamma(1.7, 1.6), new Gamma(0.6, 5), new LogNormal(0.7, 0.8),
        new LogNormal(2, 0.3), new Weibull(1.3, 3), new Weibull(4, 1), new Exponential(2.75), new Exponential(40));

    @Test
    void theDistanceIsTheLargestGapOverEveryStep() {
        long seed = 1;
        for (Law truth : List.of(new Gamma(1.7, 1.6), new LogNormal(0.7, 0.8))) {
            for (boolean days : new boolean[] {false, true}) {
                for (double horizon : new double[] {30, 1e9}) {
                    KaplanMeier km = KaplanMeier.of(sample(truth, 20_000, days, horizon, seed++));
                    for (Law fit : FITS) {
                        Law.Evaluation law = fit.evaluation();
                        assertEquals(everyStep(km, law::survival), km.distanceTo(law::survival), 0.0,
                            truth + " against " + fit + (days ? ", days" : ", timestamps") + ", horizon " + horizon);
                    }
                }
            }
        }
    }

    @Test
    void aCloseFitIsAskedAtAFewOfItsSteps() {
        KaplanMeier km = KaplanMeier.of(sample(new Gamma(1.7, 1.6), 100_000, false, 30, 9));
        AtomicInteger asked = new AtomicInteger();
        Law.Evaluation law = new Gamma(1.7, 1.6).evaluation();
        double d = km.distanceTo(t -> {
            asked.incrementAndGet();
            return law.survival(t);
        });
        assertEquals(everyStep(km, law::survival), d, 0.0);
        assertTrue(asked.get() < km.times().length / 10, asked.get() + " of " + km.times().length + " steps asked");
    }

    @Test
    void aCurveOfOneStepOrNoneIsMeasured() {
        KaplanMeier one = KaplanMeier.of(List.of(Observation.exact(2, "next", null), Observation.censored(1, null)));
        Law.Evaluation law = new Exponential(2).evaluation();
        assertEquals(everyStep(one, law::survival), one.distanceTo(law::survival), 0.0);
        assertEquals(0, KaplanMeier.of(List.of(Observation.censored(1, null))).distanceTo(law::survival), 0.0);
    }

    /** The gap asked at every step, as the distance was measured before runs were passed over. */
    private static double everyStep(KaplanMeier km, DoubleUnaryOperator fitted) {
        double d = 0;
        double before = 1;
        for (int k = 0; k < km.times().length; k++) {
            double f = fitted.applyAsDouble(km.times()[k]);
            d = Math.max(d, Math.max(Math.abs(before - f), Math.abs(km.survival()[k] - f)));
            before = km.survival()[k];
        }
        return d;
    }

    /** Visits arriving over {@code horizon} days, those not done by its end censored; dwells rounded to days or not. */
    private static List<Observation> sample(Law truth, int n, boolean days, double horizon, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ContinuousSampler dwell = truth.sampler(rng);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double arrival = Math.min(horizon, 60) * rng.nextDouble();
            double d = dwell.sample();
            if (days) {
                d = Math.rint(d);
            }
            obs.add(arrival + d <= horizon ? Observation.exact(d, "next", null) : Observation.censored(horizon - arrival, null));
        }
        return obs;
    }
}
