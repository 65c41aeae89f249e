package funnelcast.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * One worker's copy of the samplers, rebound to each block's streams, and the loop that runs
 * one trial. Nothing is allocated per trial or per deal: the per-day win counts live in an
 * array sized once, and a deal is a stage index and a time in two locals.
 */
final class TrialKernel {
    private final KernelSpec spec;
    private final int[][] dest;
    private final int won;
    private final double horizon;
    private final SharedStateDiscreteSampler[] exit;
    private final SharedStateContinuousSampler[][] dwell;
    private final SharedStateDiscreteSampler[] groupExit;
    private final SharedStateContinuousSampler[][] groupResidual;
    private SharedStateDiscreteSampler inflowCount;
    private SharedStateContinuousSampler dealValue;
    private UniformRandomProvider arrivals;

    /** winsByDay[k]: wins during working day k of the current trial (k = 1..T). */
    final int[] winsByDay;
    int wins;
    double revenue;

    TrialKernel(KernelSpec spec) {
        this.spec = spec;
        this.dest = spec.dest;
        this.won = spec.won;
        this.horizon = spec.horizon;
        this.exit = new SharedStateDiscreteSampler[spec.stages];
        this.dwell = new SharedStateContinuousSampler[spec.stages][];
        for (int s = 0; s < spec.stages; s++) {
            dwell[s] = new SharedStateContinuousSampler[spec.dwell[s].length];
        }
        this.groupExit = new SharedStateDiscreteSampler[spec.groupStage.length];
        this.groupResidual = new SharedStateContinuousSampler[spec.groupStage.length][];
        for (int g = 0; g < groupResidual.length; g++) {
            groupResidual[g] = new SharedStateContinuousSampler[spec.groupResidual[g].length];
        }
        this.winsByDay = new int[spec.horizon + 1];
    }

    /** Copies every sampler onto the streams of a new block. */
    void bind(Streams streams) {
        for (int s = 0; s < exit.length; s++) {
            exit[s] = spec.exit[s] == null ? null : spec.exit[s].withUniformRandomProvider(streams.exits());
            for (int e = 0; e < dwell[s].length; e++) {
                dwell[s][e] = spec.dwell[s][e].withUniformRandomProvider(streams.dwells());
            }
        }
        for (int g = 0; g < groupExit.length; g++) {
            groupExit[g] = spec.groupExit[g] == null ? null
                : spec.groupExit[g].withUniformRandomProvider(streams.exits());
            for (int e = 0; e < groupResidual[g].length; e++) {
                SharedStateContinuousSampler r = spec.groupResidual[g][e];
                groupResidual[g][e] = r == null ? null : r.withUniformRandomProvider(streams.dwells());
            }
        }
        inflowCount = spec.inflowCount == null ? null : spec.inflowCount.withUniformRandomProvider(streams.inflow());
        dealValue = spec.dealValue == null ? null : spec.dealValue.withUniformRandomProvider(streams.values());
        arrivals = streams.inflow();
    }

    /** Runs one trial: fills {@link #winsByDay}, {@link #wins} and {@link #revenue}. */
    void trial() {
        java.util.Arrays.fill(winsByDay, 0);
        wins = 0;
        revenue = 0;
        int[] groupStage = spec.groupStage;
        int[] groupCount = spec.groupCount;
        for (int g = 0; g < groupStage.length; g++) {
            int s = groupStage[g];
            for (int c = groupCount[g]; c > 0; c--) {
                int e = groupExit[g] == null ? 0 : groupExit[g].sample();
                double t = groupResidual[g][e].sample();
                if (t <= horizon) {
                    int next = dest[s][e];
                    double end = next < won ? walk(next, t) : next == won ? t : -1;
                    if (end >= 0) {
                        win(end, spec.groupValue[g]);
                    }
                }
            }
        }
        if (inflowCount != null) {
            int entry = spec.entry;
            for (int n = inflowCount.sample(); n > 0; n--) {
                double end = walk(entry, horizon * arrivals.nextDouble());
                if (end >= 0) {
                    win(end, Double.NaN);
                }
            }
        }
    }

    /** Follows a deal that enters open stage s at time t; its win time, or -1 if not won by the horizon. */
    private double walk(int s, double t) {
        while (true) {
            int e = exit[s] == null ? 0 : exit[s].sample();
            t += dwell[s][e].sample();
            if (t > horizon) {
                return -1;
            }
            s = dest[s][e];
            if (s >= won) {
                return s == won ? t : -1;
            }
        }
    }

    private void win(double time, double ownValue) {
        // Day k ends at time k: a win at time t counts on day ceil(t) (time 0 on day 1).
        int day = Math.max(1, (int) Math.ceil(time));
        winsByDay[day]++;
        wins++;
        if (dealValue != null) {
            revenue += ownValue == ownValue ? ownValue : dealValue.sample();
        }
    }
}
