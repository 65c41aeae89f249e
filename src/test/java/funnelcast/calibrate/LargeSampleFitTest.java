package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.law.Gamma;
import funnelcast.law.Law;
import funnelcast.law.Weibull;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * A stage as large as a simulated million-event history's: 30,000 visits with timestamped
 * dwells, those still open at day 200 censored at their age. It is fitted from one Nelder-Mead
 * start ({@link DwellFit#ONE_PEAK}) and, for the Weibull, through the logs' binned moments; each
 * law's true parameters must lie within 3.29 standard errors of the estimates (99.9% for each),
 * the standard errors from the fit's own observed information.
 */
class LargeSampleFitTest {
    @Test
    void aLargeStageIsFittedFromOneStartToItsTrueParameters() {
        check("gamma", new Gamma(1.7, 1.6), new double[] {1.7, 1.6}, 21);
        check("weibull", new Weibull(1.3, 3.0), new double[] {1.3, 3.0}, 22);
    }

    private static void check(String family, Law truth, double[] parameters, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ContinuousSampler dwell = truth.sampler(rng);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            double arrival = 200 * rng.nextDouble();
            double d = dwell.sample();
            obs.add(arrival + d <= 200 ? Observation.exact(d, "next", null) : Observation.censored(200 - arrival, null));
        }
        DwellFit.Sample sample = DwellFit.Sample.of(obs);
        DwellFit.Distinct distinct = DwellFit.Distinct.of(sample, null);
        assertTrue(distinct.completedValues() >= DwellFit.ONE_PEAK, "the sample is large enough for one start");
        DwellFit fit = DwellFit.fit(family, obs, KaplanMeier.of(obs));
        for (int p = 0; p < parameters.length; p++) {
            double se = (Math.log(fit.upper()[p]) - Math.log(fit.lower()[p])) / (2 * DwellFit.Z90);
            double z = (Math.log(parameters[p]) - Math.log(fit.estimates()[p])) / se;
            assertTrue(Math.abs(z) < 3.29, family + " " + fit.parameterNames()[p] + ": estimate " + fit.estimates()[p]
                + ", true " + parameters[p] + ", z " + z);
        }
    }
}
