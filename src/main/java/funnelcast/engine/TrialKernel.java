package funnelcast.engine;

import funnelcast.model.MonthEffects;
import funnelcast.model.PushClock;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Trials one at a time, deal by deal. Under parameter uncertainty each trial draws its own exit
 * probabilities, so trials cannot share a stage's samplers as {@link WinnerWaves} does: this
 * kernel solves each trial's eventual win probabilities ({@link WinningWeights}) and walks
 * only that trial's winners. Without {@code winnersOnly} it walks every deal, losers included (the
 * plain path, which the tests run beside the others). Nothing is allocated per deal: a deal is
 * a stage index and a time in two locals. The drawn probabilities live in arrays sized once;
 * only the inflow's Poisson sampler for the trial's mean is made per trial (never per deal).
 */
final class TrialKernel implements BlockKernel {
    private final KernelTables tables;
    private final int[][] dest;
    private final int won;
    private final double horizon;
    private final SharedStateDiscreteSampler[] exit;
    private final DwellSamplers samplers;
    private final SharedStateContinuousSampler[][] dwell;
    private final SharedStateDiscreteSampler[] pipelineExit;
    private final SharedStateContinuousSampler[][] pipelineResidual;
    private SharedStateDiscreteSampler inflowCount;
    private SharedStateContinuousSampler dealValue;
    private UniformRandomProvider arrivals;

    // Parameter uncertainty: this trial's exit probabilities as cumulative sums, drawn per trial.
    private final double[][] cumulative;
    private final double[][] pipelineCumulative;
    private final SharedStateContinuousSampler[][] dirichlet;
    private SharedStateContinuousSampler inflowRate;
    private UniformRandomProvider exitStream;
    private SharedStateContinuousSampler monthShift;
    private SharedStateContinuousSampler monthInflow;
    /** 1 / the month's pace: dwells inside the horizon take their time times this (1: the usual pace). */
    private final double slowness;
    /** The clock of dwells that end in a win under a closing push; null without one. */
    private final PushClock push;
    /** This trial's inflow factor from the month effects (1 without them). */
    private double inflowFactor = 1;
    /** Scratch for one stage's exit probabilities while they are shifted. */
    private final double[][] probs;

    /** The call site each dwell and residual sampler is drawn through (see {@link CallSites}). */
    private final int[][] dwellSite;
    private final int[][] pipelineResidualSite;

    /** Under uncertainty with only winners simulated: this trial's h and transformed exits. */
    private final WinningWeights winning;

    private final BlockResults results;

    /** A logged history's calendar months that differ ({@link WalkMonths}); null when forecasting. */
    private final WalkMonths months;
    /** Told each deal's entries when a path is logged ({@link PathWalk}); null when forecasting. */
    private PathListener listener;
    /** The deal being walked, numbered in the order the trial walks them (pipeline first, then new deals). */
    private int deal;

    TrialKernel(KernelTables tables, int blockTrials) {
        this.tables = tables;
        this.dest = tables.dest;
        this.won = tables.won;
        this.horizon = tables.horizon;
        this.slowness = 1 / tables.effects.pace();
        this.push = tables.push;
        this.months = tables.months;
        this.exit = new SharedStateDiscreteSampler[tables.stages];
        this.samplers = new DwellSamplers(tables);
        this.dwell = samplers.dwell;
        this.pipelineResidual = samplers.residual;
        this.dwellSite = samplers.dwellSite;
        this.pipelineResidualSite = samplers.residualSite;
        this.pipelineExit = new SharedStateDiscreteSampler[tables.pipelineStage.length];
        this.results = new BlockResults(blockTrials, tables.horizon);
        this.winning = tables.winnersOnly && tables.perTrial ? new WinningWeights(tables) : null;
        this.cumulative = new double[tables.stages][];
        this.dirichlet = new SharedStateContinuousSampler[tables.stages][];
        boolean shifts = !tables.effects.isNone();
        this.probs = new double[tables.stages][];
        for (int s = 0; s < tables.stages; s++) {
            probs[s] = new double[tables.dest[s].length];
            if (tables.dirichlet[s] != null || shifts) {
                cumulative[s] = new double[tables.dest[s].length];
            }
            if (tables.dirichlet[s] != null) {
                dirichlet[s] = new SharedStateContinuousSampler[tables.dest[s].length];
            }
        }
        this.pipelineCumulative = new double[tables.pipelineStage.length][];
        for (int g = 0; g < pipelineCumulative.length; g++) {
            if (cumulative[tables.pipelineStage[g]] != null) {
                pipelineCumulative[g] = new double[tables.dest[tables.pipelineStage[g]].length];
            }
        }
    }

    @Override
    public void bind(Streams streams) {
        Rebind.into(tables.exit, exit, streams.exits());
        samplers.bind(streams.dwells());
        Rebind.into(tables.pipelineExit, pipelineExit, streams.exits());
        inflowCount = Rebind.of(tables.inflowCount, streams.inflow());
        dealValue = Rebind.of(tables.dealValue, streams.values());
        arrivals = streams.inflow();
        exitStream = streams.exits();
        for (int s = 0; s < dirichlet.length; s++) {
            if (dirichlet[s] != null) {
                Rebind.into(tables.dirichlet[s], dirichlet[s], streams.parameters());
            }
        }
        inflowRate = Rebind.of(tables.inflowRate, streams.parameters());
        monthShift = Rebind.of(tables.monthShift, streams.parameters());
        monthInflow = Rebind.of(tables.monthInflow, streams.parameters());
    }

    /** Tells {@code l} every entry of the deals the next trials walk; every deal must be walked (not winners only). */
    void log(PathListener l) {
        if (winning != null || tables.winnersOnly) {
            throw new IllegalStateException("a logged walk follows every deal, not only the winners");
        }
        this.listener = l;
    }

    /** Draws this trial's exit probabilities (Dirichlet by normalised gammas) and re-weights aged deals. */
    private void drawParameters() {
        for (int s = 0; s < dirichlet.length; s++) {
            double[] c = cumulative[s];
            if (c == null) {
                continue;
            }
            double sum = 0;
            int moving = tables.stalled[s] > 0 ? c.length - 1 : c.length;
            for (int e = 0; e < moving; e++) {
                sum += dirichlet[s] != null ? dirichlet[s][e].sample() : tables.prob[s][e];
                c[e] = sum;
            }
            for (int e = 0; e < moving; e++) {
                c[e] /= sum;
            }
            if (moving < c.length) {
                // the exits drawn share what the stalled share leaves
                for (int e = 0; e < moving; e++) {
                    c[e] *= 1 - tables.stalled[s];
                }
                c[moving] = 1;
            }
        }
        if (!tables.effects.isNone()) {
            drawMonth();
        }
        for (int g = 0; g < pipelineCumulative.length; g++) {
            double[] gc = pipelineCumulative[g];
            if (gc == null) {
                continue;
            }
            double[] c = cumulative[tables.pipelineStage[g]];
            double[] survival = tables.pipelineSurvival[g];
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

    /** The month's inflow factor, and its conversion shift applied to every stage's drawn exits. */
    private void drawMonth() {
        inflowFactor = tables.effects.inflowFactor() * (monthInflow == null ? 1 : monthInflow.sample());
        double shift = tables.effects.conversionShift()
            + (monthShift == null ? 0 : tables.effects.conversionSd() * monthShift.sample());
        for (int s = 0; s < cumulative.length; s++) {
            double[] c = cumulative[s];
            if (c == null || tables.advance[s] < 0 || shift == 0) {
                continue;
            }
            double[] p = probs[s];
            double previous = 0;
            for (int e = 0; e < c.length; e++) {
                p[e] = c[e] - previous;
                previous = c[e];
            }
            MonthEffects.shift(p, tables.advance[s], shift, p);
            double sum = 0;
            for (int e = 0; e < c.length; e++) {
                sum += p[e];
                c[e] = sum;
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

    @Override
    public BlockResults run(int trials) {
        results.clear(trials);
        for (int i = 0; i < trials; i++) {
            trial(i);
        }
        return results;
    }

    /**
     * Runs trial i of the block: the pipeline, then the Poisson inflow. Under uncertainty with
     * only winners simulated, the trial first solves its win probabilities for the parameters
     * it drew: pipeline deals are kept with their eventual win probability, new deals thinned
     * to Poisson(lambda T h(entry)), and each walks the h-transformed exits.
     */
    void trial(int i) {
        if (tables.perTrial) {
            drawParameters();
        }
        if (winning != null) {
            winning.update(cumulative, pipelineCumulative);
        }
        deal = 0;
        int[] pipelineCount = tables.pipelineCount;
        for (int g = 0; g < pipelineCount.length; g++) {
            double h = winning != null ? winning.pipelineWin[g] : 1;
            if (h <= 0) {
                continue;
            }
            for (int c = pipelineCount[g]; c > 0; c--) {
                if (h < 1 && exitStream.nextDouble() >= h) {
                    continue; // this deal will never win
                }
                double end = agedDeal(g);
                if (end >= 0) {
                    win(i, end, tables.pipelineValue[g]);
                }
                deal++;
            }
        }
        int newDeals;
        if (tables.perTrial) { // a per-trial inflow: drawn under uncertainty, scaled by the month, or thinned to winners
            double rate = inflowRate != null ? inflowRate.sample() : tables.inflowMean / horizon;
            double mean = rate * inflowFactor * horizon * (winning != null ? winning.h[tables.entry] : 1);
            newDeals = mean > 0 ? PoissonSampler.of(arrivals, mean).sample() : 0;
        } else {
            newDeals = inflowCount == null ? 0 : inflowCount.sample();
        }
        int entry = tables.entry;
        for (int n = newDeals; n > 0; n--) {
            double arrival = tables.arrival(arrivals.nextDouble());
            if (listener != null) {
                listener.entered(deal, entry, arrival, Double.NaN);
            }
            double end = walk(entry, arrival);
            if (end >= 0) {
                win(i, end, Double.NaN);
            }
            deal++;
        }
    }

    /** One deal of pipeline deal g: its conditioned first visit, then its path; the win time or -1. */
    double agedDeal(int g) {
        int s = tables.pipelineStage[g];
        int e = winning != null ? pick(winning.pipelineExits[g], exitStream.nextDouble())
            : pipelineCumulative[g] != null ? pick(pipelineCumulative[g], exitStream.nextDouble())
            : pipelineExit[g] == null ? 0 : pipelineExit[g].sample();
        double t = CallSites.draw(pipelineResidual[g][e], pipelineResidualSite[g][e]) * slowness;
        int next = dest[s][e];
        if (next == won && push != null) {
            t = push.after(0, t);
        }
        if (t > horizon) {
            return -1;
        }
        if (listener != null && next != won) {
            listener.entered(deal, next, t, Double.NaN);
        }
        return next < won ? walk(next, t) : next == won ? t : -1;
    }

    /**
     * Follows a deal that enters open stage s at time t; its win time, or -1 if not won by the
     * horizon. Its exits are this trial's h-transformed ones when only winners are simulated,
     * else the drawn probabilities, else the fixed ones.
     */
    double walk(int s, double t) {
        while (true) {
            int e;
            double d;
            if (months != null) { // a logged history whose calendar months differ
                int stall = months.stalledExit(s);
                if (stall >= 0 && exitStream.nextDouble() < tables.prob[s][stall]) {
                    return -1; // never moves on
                }
                d = CallSites.draw(dwell[s][0], dwellSite[s][0]) * slowness;
                e = months.exit(s, t + d, exitStream.nextDouble(), probs[s]);
            } else {
                e = winning != null ? pick(winning.exits[s], exitStream.nextDouble())
                    : cumulative[s] != null ? pick(cumulative[s], exitStream.nextDouble())
                    : exit[s] == null ? 0 : exit[s].sample();
                d = CallSites.draw(dwell[s][e], dwellSite[s][e]) * slowness;
            }
            s = dest[s][e];
            t = s == won && push != null ? push.after(t, d) : t + d;
            if (t > horizon) {
                return -1;
            }
            if (listener != null && s != won) {
                listener.entered(deal, s, t, Double.NaN);
            }
            if (s >= won) {
                return s == won ? t : -1;
            }
        }
    }

    private void win(int trial, double time, double ownValue) {
        double value = dealValue == null ? 0 : ownValue == ownValue ? ownValue : dealValue.sample();
        results.win(trial, time, value);
        if (listener != null) {
            listener.entered(deal, won, time, ownValue == ownValue ? ownValue : dealValue == null ? Double.NaN : value);
        }
    }
}
