package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.law.Gamma;
import funnelcast.law.LogNormal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ExitDwellModelTest {
    /**
     * Wins come quickly (lognormal, median 3), losses slowly (gamma, mean 30), one in four visits
     * wins, and the log ends while many slow visits are still open. Counting completed visits
     * over-weights the quick exit; the EM's censoring-aware share recovers 0.25.
     */
    @Test
    void emRecoversTheShareThatCompletedVisitsOverstate() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {1, 2, 3, 4});
        ContinuousSampler fast = new LogNormal(3, 0.7).sampler(rng);
        ContinuousSampler slow = new Gamma(3, 10).sampler(rng);
        List<Observation> obs = new ArrayList<>();
        int wonCompleted = 0;
        int completed = 0;
        for (int i = 0; i < 3000; i++) {
            double arrival = 60 * rng.nextDouble();
            boolean win = rng.nextDouble() < 0.25;
            double d = win ? fast.sample() : slow.sample();
            if (arrival + d <= 60) {
                obs.add(Observation.exact(d, win ? "won" : "lost", null));
                completed++;
                wonCompleted += win ? 1 : 0;
            } else {
                obs.add(Observation.censored(60 - arrival, null));
            }
        }
        double naive = (double) wonCompleted / completed;
        assertTrue(naive > 0.35, "completed visits overstate the quick exit: " + naive);
        ExitDwellModel m = ExitDwellModel.fit(obs);
        double share = m.shares().get("won");
        assertTrue(Math.abs(share - 0.25) < 0.025, "EM share of won " + share);
        DwellFit won = m.fits().get("won");
        assertTrue(won.lower()[0] <= 3 * 1.05 && 3 * 0.95 <= won.upper()[0], "won median " + won.estimates()[0]);
        double lostMean = m.law("lost").mean();
        assertTrue(Math.abs(lostMean - 30) < 3, "lost mean " + lostMean);
        // and the model is preferred to a pooled dwell
        Calibration.StageFit s = Calibrator.fitStage("s", obs);
        assertTrue(s.exitSpecific(), "AIC prefers exit-specific dwells here");
        assertTrue(Math.abs(s.exits().stream().filter(e -> e.to().equals("won")).findFirst().orElseThrow().probability()
            - 0.25) < 0.025);
    }

    /**
     * An exit seen once (one lost visit among forty wins, as in a backtest's early month) holds
     * no information on a dwell's shape: a two-parameter law's likelihood rises without end as
     * it narrows onto that one day. Such an exit gets the one-parameter law, and the fit ends
     * (it used to stop the calibration with "maximal count (20,000) exceeded").
     */
    @Test
    void anExitSeenOnceGetsAOneParameterDwell() {
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            obs.add(Observation.exact(1 + 0.25 * i, "won", null));
        }
        obs.add(Observation.exact(0.9933680555555497, "lost", null));
        for (String family : DwellFit.FAMILIES) {
            DwellFit fit = DwellFit.fit(family, List.of(obs.get(40)), null);
            assertEquals(family.equals("exponential"), fit != null, family + " from one dwell");
        }
        ExitDwellModel m = ExitDwellModel.fit(obs);
        assertEquals("exponential", m.fits().get("lost").family());
        assertEquals(1.0 / 41, m.shares().get("lost"), 1e-12);
    }
}
