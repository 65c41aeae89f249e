package funnelcast.engine;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * The engine's path with fixed parameters: only the deals that will eventually win (see
 * {@link KernelTables#winnersOnly}), and a whole block of trials at a time, stage by stage.
 *
 * <p>A deal-by-deal walk draws each step from the sampler of whatever stage the deal happens
 * to be in, so the processor cannot predict which sampler code runs next, and that costs about
 * as much as the draw itself. Here the deals of all the block's trials wait in one queue per
 * stage; a sweep takes the stages in turn and moves every deal waiting at a stage one step
 * (its exit, its dwell), so a stage's samplers run back to back. A deal that moves forward is
 * taken further in the same sweep, one that moves back in the next. Each deal keeps its trial,
 * so every trial's wins, days and revenue are those of the deal-by-deal walk: the law is the
 * same, only the order of the draws differs, and that order depends on the block alone.
 *
 * <p>New deals are queued until {@link #BATCH} wait, then run to their end, so memory is
 * bounded whatever the inflow. The queues grow (rarely) only while a batch is larger than any
 * before; nothing is allocated per deal.
 */
final class WinnerWaves implements BlockKernel {
    /** New deals queued before the queues are run to their end. */
    static final int BATCH = 1 << 11;

    private final KernelTables tables;
    private final int won;
    private final double horizon;
    private final int[][] dest;
    private final int[][] exitIndex;
    private final SharedStateDiscreteSampler[] exit;
    /** The sampler of a stage's dwell when all its exits share one law; else null and {@link #dwell} per exit. */
    private final SharedStateContinuousSampler[] stageDwell;
    private final DwellSamplers samplers;
    private final SharedStateContinuousSampler[][] dwell;
    private final int[] stageSite;
    private final int[][] dwellSite;
    private final SharedStateDiscreteSampler[] pipelineExit;
    private final SharedStateContinuousSampler[][] pipelineResidual;
    private final int[][] pipelineSite;
    private SharedStateDiscreteSampler inflow;
    private SharedStateContinuousSampler dealValue;
    private UniformRandomProvider arrivals;
    private UniformRandomProvider thinning;

    /**
     * The deals waiting at each stage: their trial, the time they entered it, and their own
     * value (NaN if none; the array only when some pipeline deal has one).
     */
    private final int[][] trialAt;
    private final double[][] timeAt;
    private final double[][] valueAt;
    private final int[] waiting;
    private int pending;

    private final BlockResults results;

    WinnerWaves(KernelTables tables, int blockTrials) {
        if (!tables.winnersOnly || tables.perTrial) {
            throw new IllegalArgumentException("the winners-only path needs fixed parameters");
        }
        this.tables = tables;
        this.won = tables.won;
        this.horizon = tables.horizon;
        this.dest = tables.dest;
        this.exitIndex = tables.winningExitIndex;
        int stages = tables.stages;
        exit = new SharedStateDiscreteSampler[stages];
        stageDwell = new SharedStateContinuousSampler[stages];
        samplers = new DwellSamplers(tables);
        dwell = samplers.dwell;
        pipelineResidual = samplers.residual;
        dwellSite = samplers.dwellSite;
        pipelineSite = samplers.residualSite;
        pipelineExit = new SharedStateDiscreteSampler[tables.pipelineStage.length];
        stageSite = new int[stages];
        for (int s = 0; s < stages; s++) {
            stageSite[s] = dwellSite[s].length == 0 ? 0 : dwellSite[s][0];
        }
        trialAt = new int[stages][1024];
        timeAt = new double[stages][1024];
        boolean ownValues = false;
        for (double v : tables.pipelineValue) {
            ownValues |= v == v;
        }
        valueAt = ownValues ? new double[stages][1024] : null;
        waiting = new int[stages];
        results = new BlockResults(blockTrials, tables.horizon);
    }

    @Override
    public void bind(Streams streams) {
        Rebind.into(tables.winningExit, exit, streams.exits());
        samplers.bind(streams.dwells());
        for (int s = 0; s < dwell.length; s++) {
            stageDwell[s] = tables.sharedDwell[s] ? dwell[s][0] : null;
        }
        Rebind.into(tables.pipelineWinningExit, pipelineExit, streams.exits());
        inflow = Rebind.of(tables.winningInflow, streams.inflow());
        dealValue = Rebind.of(tables.dealValue, streams.values());
        arrivals = streams.inflow();
        thinning = streams.exits();
    }

    @Override
    public BlockResults run(int trials) {
        results.clear(trials);
        int[] pipelineCount = tables.pipelineCount;
        for (int g = 0; g < pipelineCount.length; g++) {
            double h = tables.pipelineWin[g];
            if (h <= 0) {
                continue;
            }
            for (int i = 0; i < trials; i++) {
                for (int c = pipelineCount[g]; c > 0; c--) {
                    if (h < 1 && thinning.nextDouble() >= h) {
                        continue; // this deal will never win
                    }
                    agedWinner(g, i);
                }
            }
        }
        if (inflow != null) {
            newWinners(trials);
        }
        runToEnd();
        return results;
    }

    /**
     * The new deals that will win, a chunk of trials at a time: their number for the whole chunk,
     * then for each a uniform u on [0, chunk) whose integer part is its trial and whose fraction
     * is its arrival time over the horizon (see {@link KernelTables#inflowChunk}).
     */
    private void newWinners(int trials) {
        int chunk = tables.inflowChunk;
        int entry = tables.entry;
        for (int first = 0; first < trials; first += chunk) {
            int m = Math.min(chunk, trials - first);
            int n = m == chunk ? inflow.sample() : PoissonSampler.of(arrivals, m * tables.winnersPerTrial).sample();
            for (; n > 0; n--) {
                double u = m * arrivals.nextDouble();
                int i = Math.min((int) u, m - 1);
                enter(entry, first + i, tables.arrival(u - i), Double.NaN);
            }
        }
    }

    /** A pipeline deal that will win: its conditioned first exit and residual dwell, then the queue. */
    private void agedWinner(int g, int trial) {
        int s = tables.pipelineStage[g];
        SharedStateDiscreteSampler x = pipelineExit[g];
        int e = tables.pipelineWinningExitIndex[g][x == null ? 0 : x.sample()];
        double t = CallSites.draw(pipelineResidual[g][e], pipelineSite[g][e]);
        if (t > horizon) {
            return;
        }
        int next = dest[s][e];
        double value = tables.pipelineValue[g];
        if (next >= won) {
            win(trial, t, value);
        } else {
            enter(next, trial, t, value);
        }
    }

    private void enter(int s, int trial, double t, double value) {
        queue(s, trial, t, value);
        if (++pending >= BATCH) {
            runToEnd();
        }
    }

    private void queue(int s, int trial, double t, double value) {
        int n = waiting[s];
        if (n == trialAt[s].length) {
            trialAt[s] = Arrays.copyOf(trialAt[s], 2 * n);
            timeAt[s] = Arrays.copyOf(timeAt[s], 2 * n);
            if (valueAt != null) {
                valueAt[s] = Arrays.copyOf(valueAt[s], 2 * n);
            }
        }
        trialAt[s][n] = trial;
        timeAt[s][n] = t;
        if (valueAt != null) {
            valueAt[s][n] = value;
        }
        waiting[s] = n + 1;
    }

    /** Sweeps the stages until every queued deal has won, or run past the horizon. */
    private void runToEnd() {
        while (pending > 0) {
            for (int s = 0; s < waiting.length; s++) {
                if (waiting[s] > 0) {
                    pending -= step(s);
                }
            }
        }
    }

    /**
     * Moves every deal waiting at stage s one step, and returns how many ended (won, or ran
     * past the horizon). Deals that loop back to s are queued behind and taken in a further
     * round; a queue that grows keeps the entries being read, so each round reads its own copy.
     */
    private int step(int s) {
        SharedStateDiscreteSampler x = exit[s];
        int[] index = exitIndex[s];
        int[] to = dest[s];
        SharedStateContinuousSampler shared = stageDwell[s];
        int site = stageSite[s];
        int ended = 0;
        for (int from = 0, until = waiting[s]; from < until; from = until, until = waiting[s]) {
            int[] trials = trialAt[s];
            double[] times = timeAt[s];
            double[] values = valueAt == null ? null : valueAt[s];
            for (int k = from; k < until; k++) {
                int e = index[x == null ? 0 : x.sample()];
                double t = times[k] + (shared != null ? CallSites.draw(shared, site)
                    : CallSites.draw(dwell[s][e], dwellSite[s][e]));
                if (t > horizon) {
                    ended++;
                    continue;
                }
                int next = to[e];
                double value = values == null ? Double.NaN : values[k];
                if (next >= won) {
                    win(trials[k], t, value); // a winner's path ends in won
                    ended++;
                } else {
                    queue(next, trials[k], t, value);
                }
            }
        }
        waiting[s] = 0;
        return ended;
    }

    private void win(int trial, double time, double ownValue) {
        results.win(trial, time, dealValue == null ? 0 : ownValue == ownValue ? ownValue : dealValue.sample());
    }
}
