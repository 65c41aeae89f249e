package funnelcast.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * The variates a trial needs, without the trial: every sampler of a kernel is wrapped to count
 * its draws over many trials; the baseline then draws the same number from each sampler, and
 * nothing else. Against it the engine's own cost (paths, bookkeeping, tallies) shows.
 */
final class VariateBaseline {
    private final List<Object> samplers = new ArrayList<>();
    private final List<long[]> counts = new ArrayList<>();
    private long[] draws;
    private final int perRound;

    /** Wraps every sampler of the spec (in place), runs {@code trials} trials, and keeps the counts. */
    VariateBaseline(KernelSpec spec, int trials) {
        this.perRound = trials;
        for (int s = 0; s < spec.stages; s++) {
            for (int e = 0; e < spec.dwell[s].length; e++) {
                spec.dwell[s][e] = continuous(spec.dwell[s][e]);
            }
            if (spec.winningExit[s] != null) {
                spec.winningExit[s] = discrete(spec.winningExit[s]);
            }
        }
        for (int g = 0; g < spec.groupResidual.length; g++) {
            for (int e = 0; e < spec.groupResidual[g].length; e++) {
                if (spec.groupResidual[g][e] != null) {
                    spec.groupResidual[g][e] = continuous(spec.groupResidual[g][e]);
                }
            }
            if (spec.groupWinningExit[g] != null) {
                spec.groupWinningExit[g] = discrete(spec.groupWinningExit[g]);
            }
        }
        TrialKernel kernel = new TrialKernel(spec);
        kernel.bind(Streams.of(1, 0));
        for (int i = 0; i < trials; i++) {
            kernel.trial();
        }
        draws = new long[counts.size()];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = counts.get(i)[0];
        }
    }

    private SharedStateContinuousSampler continuous(SharedStateContinuousSampler s) {
        long[] c = new long[1];
        samplers.add(s);
        counts.add(c);
        return new CountingContinuous(s, c);
    }

    private SharedStateDiscreteSampler discrete(SharedStateDiscreteSampler s) {
        long[] c = new long[1];
        samplers.add(s);
        counts.add(c);
        return new CountingDiscrete(s, c);
    }

    /**
     * Draws, from each sampler rebound to {@code rng}, as many variates as {@code rounds x trials}
     * trials needed, plus the uniform words of arrivals and thinning (counted separately by the
     * caller). Returns a checksum so nothing is optimised away.
     */
    double draw(UniformRandomProvider rng, int rounds) {
        double x = 0;
        for (int i = 0; i < samplers.size(); i++) {
            Object s = samplers.get(i);
            long n = draws[i] * rounds;
            if (s instanceof SharedStateContinuousSampler c) {
                SharedStateContinuousSampler bound = c.withUniformRandomProvider(rng);
                for (long k = 0; k < n; k++) {
                    x += bound.sample();
                }
            } else {
                SharedStateDiscreteSampler bound = ((SharedStateDiscreteSampler) s).withUniformRandomProvider(rng);
                for (long k = 0; k < n; k++) {
                    x += bound.sample();
                }
            }
        }
        return x;
    }

    int trialsPerRound() {
        return perRound;
    }

    private record CountingContinuous(SharedStateContinuousSampler inner, long[] count)
            implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            count[0]++;
            return inner.sample();
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return new CountingContinuous(inner.withUniformRandomProvider(rng), count);
        }
    }

    private record CountingDiscrete(SharedStateDiscreteSampler inner, long[] count) implements SharedStateDiscreteSampler {
        @Override
        public int sample() {
            count[0]++;
            return inner.sample();
        }

        @Override
        public SharedStateDiscreteSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return new CountingDiscrete(inner.withUniformRandomProvider(rng), count);
        }
    }
}
