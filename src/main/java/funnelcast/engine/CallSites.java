package funnelcast.engine;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * Gives each sampler class its own call site. Through a single call site that sees every
 * dwell family (lognormal, gamma, Weibull, residuals) the JIT dispatches each draw through the
 * interface table and inlines nothing; with one site per class each stays monomorphic and its
 * sampler is inlined.
 */
final class CallSites {
    private final Map<Class<?>, Integer> sites = new HashMap<>();

    /** The site of each sampler (0 for absent ones), numbering classes in order of first appearance. */
    int[][] of(SharedStateContinuousSampler[][] samplers) {
        int[][] out = new int[samplers.length][];
        for (int i = 0; i < samplers.length; i++) {
            out[i] = new int[samplers[i].length];
            for (int j = 0; j < samplers[i].length; j++) {
                if (samplers[i][j] != null) {
                    out[i][j] = sites.computeIfAbsent(samplers[i][j].getClass(), c -> sites.size());
                }
            }
        }
        return out;
    }

    /** The cases are identical on purpose: each is its own call site with its own type profile. */
    static double draw(SharedStateContinuousSampler sampler, int site) {
        switch (site) {
            case 0: return sampler.sample();
            case 1: return sampler.sample();
            case 2: return sampler.sample();
            case 3: return sampler.sample();
            case 4: return sampler.sample();
            case 5: return sampler.sample();
            case 6: return sampler.sample();
            case 7: return sampler.sample();
            default: return sampler.sample();
        }
    }
}
