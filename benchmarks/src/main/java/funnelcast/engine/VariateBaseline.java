package funnelcast.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Every variate a block of trials draws, without the trials: each sampler of a kernel is
 * wrapped to count its draws (exits, dwells, residual dwells, the inflow count, deal values),
 * and the plain uniforms of arrival times and of the pipeline's thinning are counted too; the
 * baseline then draws the same number from each sampler, each in its own loop, and nothing
 * else. Against it the engine's own cost (paths, queues, tallies) shows.
 */
final class VariateBaseline {
    private final List<Object> samplers = new ArrayList<>();
    private final List<long[]> counts = new ArrayList<>();
    private final long[] draws;
    private final long uniforms;
    private final int trials;

    /** Wraps every sampler of the tables (in place), runs one block of {@code trials} trials, and keeps the counts. */
    VariateBaseline(KernelTables tables, int trials) {
        this.trials = trials;
        for (int s = 0; s < tables.stages; s++) {
            for (int e = 0; e < tables.dwell[s].length; e++) {
                tables.dwell[s][e] = continuous(tables.dwell[s][e]);
            }
            if (tables.winningExit[s] != null) {
                tables.winningExit[s] = discrete(tables.winningExit[s], null);
            }
        }
        for (int g = 0; g < tables.pipelineResidual.length; g++) {
            for (int e = 0; e < tables.pipelineResidual[g].length; e++) {
                if (tables.pipelineResidual[g][e] != null) {
                    tables.pipelineResidual[g][e] = continuous(tables.pipelineResidual[g][e]);
                }
            }
            if (tables.pipelineWinningExit[g] != null) {
                tables.pipelineWinningExit[g] = discrete(tables.pipelineWinningExit[g], null);
            }
        }
        long[] arrivals = new long[1];
        if (tables.winningInflow != null) {
            tables.winningInflow = discrete(tables.winningInflow, arrivals);
        }
        if (tables.dealValue != null) {
            tables.dealValue = continuous(tables.dealValue);
        }
        long thinning = 0;
        for (int g = 0; g < tables.pipelineWin.length; g++) {
            if (tables.pipelineWin[g] > 0 && tables.pipelineWin[g] < 1) {
                thinning += (long) tables.pipelineCount[g] * trials;
            }
        }
        BlockKernel kernel = BlockKernel.of(tables, trials);
        kernel.bind(Streams.of(1, 0));
        kernel.run(trials);
        draws = new long[counts.size()];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = counts.get(i)[0];
        }
        uniforms = arrivals[0] + thinning;
    }

    private SharedStateContinuousSampler continuous(SharedStateContinuousSampler s) {
        long[] c = new long[1];
        samplers.add(s);
        counts.add(c);
        return new CountingContinuous(s, c);
    }

    private SharedStateDiscreteSampler discrete(SharedStateDiscreteSampler s, long[] sum) {
        long[] c = new long[1];
        samplers.add(s);
        counts.add(c);
        return new CountingDiscrete(s, c, sum);
    }

    /** Draws, from each sampler rebound to {@code rng}, as many variates as one block needed; a checksum. */
    double draw(UniformRandomProvider rng) {
        double x = 0;
        for (int i = 0; i < samplers.size(); i++) {
            Object s = samplers.get(i);
            long n = draws[i];
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
        for (long k = 0; k < uniforms; k++) {
            x += rng.nextDouble();
        }
        return x;
    }

    int trials() {
        return trials;
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

    /** Counts draws and, when {@code sum} is given, adds up the values drawn (the arrivals an inflow count brings). */
    private record CountingDiscrete(SharedStateDiscreteSampler inner, long[] count, long[] sum)
            implements SharedStateDiscreteSampler {
        @Override
        public int sample() {
            count[0]++;
            int n = inner.sample();
            if (sum != null) {
                sum[0] += n;
            }
            return n;
        }

        @Override
        public SharedStateDiscreteSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return new CountingDiscrete(inner.withUniformRandomProvider(rng), count, sum);
        }
    }
}
