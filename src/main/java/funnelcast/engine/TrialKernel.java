package funnelcast.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * One worker's copy of the samplers, rebound to each block's streams, and the loop that runs
 * one trial. Nothing is allocated per trial or per deal: the per-day win counts live in an
 * array sized once, and a deal is a stage index and a time in two locals. Under parameter
 * uncertainty each trial draws its exit probabilities into arrays sized once; only the inflow's
 * Poisson sampler for the drawn rate is made per trial (never per deal).
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

    // Parameter uncertainty: this trial's exit probabilities as cumulative sums, drawn per trial.
    private final double[][] cumulative;
    private final double[][] groupCumulative;
    private final SharedStateContinuousSampler[][] dirichlet;
    private SharedStateContinuousSampler inflowRate;
    private UniformRandomProvider exitStream;

    // Conditioned on winning (fixed parameters): the h-transformed exits.
    private final SharedStateDiscreteSampler[] winningExit;
    private final SharedStateDiscreteSampler[] groupWinningExit;
    private SharedStateDiscreteSampler winningInflow;

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
        this.cumulative = new double[spec.stages][];
        this.dirichlet = new SharedStateContinuousSampler[spec.stages][];
        for (int s = 0; s < spec.stages; s++) {
            if (spec.dirichlet[s] != null) {
                cumulative[s] = new double[spec.dest[s].length];
                dirichlet[s] = new SharedStateContinuousSampler[spec.dest[s].length];
            }
        }
        this.winningExit = new SharedStateDiscreteSampler[spec.stages];
        this.groupWinningExit = new SharedStateDiscreteSampler[spec.groupStage.length];
        this.groupCumulative = new double[spec.groupStage.length][];
        for (int g = 0; g < groupCumulative.length; g++) {
            if (spec.dirichlet[spec.groupStage[g]] != null) {
                groupCumulative[g] = new double[spec.dest[spec.groupStage[g]].length];
            }
        }
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
        exitStream = streams.exits();
        for (int s = 0; s < dirichlet.length; s++) {
            if (dirichlet[s] != null) {
                for (int e = 0; e < dirichlet[s].length; e++) {
                    dirichlet[s][e] = spec.dirichlet[s][e].withUniformRandomProvider(streams.parameters());
                }
            }
        }
        inflowRate = spec.inflowRate == null ? null : spec.inflowRate.withUniformRandomProvider(streams.parameters());
        for (int s = 0; s < winningExit.length; s++) {
            winningExit[s] = spec.winningExit[s] == null ? null : spec.winningExit[s].withUniformRandomProvider(streams.exits());
        }
        for (int g = 0; g < groupWinningExit.length; g++) {
            groupWinningExit[g] = spec.groupWinningExit[g] == null ? null
                : spec.groupWinningExit[g].withUniformRandomProvider(streams.exits());
        }
        winningInflow = spec.winningInflow == null ? null : spec.winningInflow.withUniformRandomProvider(streams.inflow());
    }

    /** Draws this trial's exit probabilities (Dirichlet by normalised gammas) and re-weights aged deals. */
    private void drawParameters() {
        for (int s = 0; s < dirichlet.length; s++) {
            double[] c = cumulative[s];
            if (c == null) {
                continue;
            }
            double sum = 0;
            for (int e = 0; e < c.length; e++) {
                sum += dirichlet[s][e].sample();
                c[e] = sum;
            }
            for (int e = 0; e < c.length; e++) {
                c[e] /= sum;
            }
        }
        for (int g = 0; g < groupCumulative.length; g++) {
            double[] gc = groupCumulative[g];
            if (gc == null) {
                continue;
            }
            double[] c = cumulative[spec.groupStage[g]];
            double[] survival = spec.groupSurvival[g];
            double sum = 0;
            double previous = 0;
            for (int e = 0; e < gc.length; e++) {
                sum += (c[e] - previous) * survival[e];
                previous = c[e];
                gc[e] = sum;
            }
            for (int e = 0; e < gc.length; e++) {
                gc[e] /= sum;
            }
        }
    }

    private static int pick(double[] cumulative, double u) {
        int last = cumulative.length - 1;
        for (int e = 0; e < last; e++) {
            if (u < cumulative[e]) {
                return e;
            }
        }
        return last;
    }

    /** Runs one trial: fills {@link #winsByDay}, {@link #wins} and {@link #revenue}. */
    void trial() {
        java.util.Arrays.fill(winsByDay, 0);
        wins = 0;
        revenue = 0;
        if (spec.conditioned) {
            conditionedTrial();
            return;
        }
        if (spec.uncertainty) {
            drawParameters();
        }
        int[] groupCount = spec.groupCount;
        for (int g = 0; g < groupCount.length; g++) {
            for (int c = groupCount[g]; c > 0; c--) {
                double end = agedDeal(g);
                if (end >= 0) {
                    win(end, spec.groupValue[g]);
                }
            }
        }
        int newDeals;
        if (inflowRate != null) {
            double mean = inflowRate.sample() * horizon;
            newDeals = mean > 0 ? PoissonSampler.of(arrivals, mean).sample() : 0;
        } else {
            newDeals = inflowCount == null ? 0 : inflowCount.sample();
        }
        if (newDeals > 0) {
            int entry = spec.entry;
            for (int n = newDeals; n > 0; n--) {
                double end = walk(entry, horizon * arrivals.nextDouble());
                if (end >= 0) {
                    win(end, Double.NaN);
                }
            }
        }
    }

    /** A trial that simulates only the deals that will eventually win (see {@link KernelSpec#conditioned}). */
    private void conditionedTrial() {
        int[] groupCount = spec.groupCount;
        double[] groupWin = spec.groupWin;
        for (int g = 0; g < groupCount.length; g++) {
            double h = groupWin[g];
            if (h <= 0) {
                continue;
            }
            for (int c = groupCount[g]; c > 0; c--) {
                if (h < 1 && exitStream.nextDouble() >= h) {
                    continue; // this deal will never win
                }
                double end = winningAgedDeal(g);
                if (end >= 0) {
                    win(end, spec.groupValue[g]);
                }
            }
        }
        if (winningInflow != null) {
            int entry = spec.entry;
            for (int n = winningInflow.sample(); n > 0; n--) {
                double end = winningWalk(entry, horizon * arrivals.nextDouble());
                if (end >= 0) {
                    win(end, Double.NaN);
                }
            }
        }
    }

    private double winningAgedDeal(int g) {
        int s = spec.groupStage[g];
        int[] index = spec.groupWinningExitIndex[g];
        int e = index[groupWinningExit[g] == null ? 0 : groupWinningExit[g].sample()];
        double t = groupResidual[g][e].sample();
        if (t > horizon) {
            return -1;
        }
        int next = dest[s][e];
        return next < won ? winningWalk(next, t) : t;
    }

    /** A winner's path from open stage s at time t: its win time, or -1 if after the horizon. */
    double winningWalk(int s, double t) {
        int[][] index = spec.winningExitIndex;
        while (true) {
            int e = index[s][winningExit[s] == null ? 0 : winningExit[s].sample()];
            t += dwell[s][e].sample();
            if (t > horizon) {
                return -1;
            }
            s = dest[s][e];
            if (s >= won) {
                return t; // a winner's path ends in won
            }
        }
    }

    /** One deal of pipeline entry g: its conditioned first visit, then its path; the win time or -1. */
    double agedDeal(int g) {
        int s = spec.groupStage[g];
        int e = groupCumulative[g] != null ? pick(groupCumulative[g], exitStream.nextDouble())
            : groupExit[g] == null ? 0 : groupExit[g].sample();
        double t = groupResidual[g][e].sample();
        if (t > horizon) {
            return -1;
        }
        int next = dest[s][e];
        return next < won ? walk(next, t) : next == won ? t : -1;
    }

    /** Follows a deal that enters open stage s at time t; its win time, or -1 if not won by the horizon. */
    double walk(int s, double t) {
        while (true) {
            int e = cumulative[s] != null ? pick(cumulative[s], exitStream.nextDouble())
                : exit[s] == null ? 0 : exit[s].sample();
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
