package funnelcast.engine;

import funnelcast.InputException;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.PushClock;
import funnelcast.model.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Everything a trial needs, precomputed once per forecast and shared by all workers: the stage
 * graph as arrays, alias tables of the exits, dwell samplers, and for each pipeline deal the
 * exit probabilities and residual dwells conditioned on its age (docs/model.md, the model in a paragraph). Samplers are
 * bound to a placeholder stream; each worker copies them onto its block's streams.
 */
final class KernelTables {
    /** Above this many expected new deals per trial a forecast would not finish in a working day. */

    final int stages;
    final int won;
    final int horizon;
    final int[][] dest;
    final SharedStateDiscreteSampler[] exit;
    final SharedStateContinuousSampler[][] dwell;
    /** The exit probabilities at their point values. */
    final double[][] prob;
    /** Whether all exits of a stage share one dwell law (the common case), so one sampler serves them. */
    final boolean[] sharedDwell;

    final int entry;
    final double inflowMean;
    /** Under a team's day-by-day inflow, the share of a trial's new deals that arrive by the end of each day; else null. */
    final double[] arrivalCdf;
    final SharedStateDiscreteSampler inflowCount;
    /** lambda T h(entry): the expected new deals per trial that will win eventually (winners only, fixed parameters). */
    final double winnersPerTrial;
    /**
     * Conditioned runs draw the winning new deals of {@link #inflowChunk} trials at once:
     * Poisson(chunk x winnersPerTrial), each deal then given a uniform trial and arrival time.
     * That is the same law as a Poisson count per trial (Poisson splitting). The chunk is the
     * largest divisor of a block whose mean stays far inside the sampler's int range.
     */
    final int inflowChunk;
    SharedStateDiscreteSampler winningInflow; // not final only so the benchmarks' variate baseline can count its draws

    final int[] pipelineStage;
    final int[] pipelineCount;
    final double[] pipelineValue;
    final SharedStateDiscreteSampler[] pipelineExit;
    /** Each pipeline deal's first-exit probabilities given its age, at the point values. */
    final double[][] pipelineWeights;
    final SharedStateContinuousSampler[][] pipelineResidual;

    SharedStateContinuousSampler dealValue; // not final: see winningInflow

    /**
     * Only deals that eventually win can add wins, revenue or daily counts, so with fixed
     * parameters the engine simulates only them: the inflow is thinned to Poisson(lambda T h(entry))
     * and a winner's path follows the Doob h-transform of the exits, p(s,d) h(d) / h(s) (dwells
     * unchanged), which is exactly the path law conditioned on winning. A pipeline deal wins
     * eventually with sum_e w_e(age) h(d_e) and, if it does, takes exit e with w_e h(d_e) / that.
     * With per-trial parameters (uncertainty, month effects) h and the transformed exits are
     * solved per trial ({@link WinningWeights}); with fixed ones, once here.
     */
    final boolean winnersOnly;
    /** The transformed exit samplers; null where a stage has a single exit that can win. */
    final SharedStateDiscreteSampler[] winningExit;
    /** Eventual win probability of each pipeline deal, and its transformed first exit. */
    final double[] pipelineWin;
    final SharedStateDiscreteSampler[] pipelineWinningExit;
    final int[][] winningExitIndex;
    final int[][] pipelineWinningExitIndex;

    /** Parameter uncertainty (docs/model.md, parameter uncertainty): per-trial exit probabilities and inflow rate. */
    static final double PRIOR = 0.5;
    /** Dirichlet(counts + 1/2) as independent Gamma(count + 1/2, 1) draws; null for stages without counts. */
    final SharedStateContinuousSampler[][] dirichlet;
    /** S(s,e)(age) of each pipeline deal's exits, to re-weight the drawn probabilities by age. */
    final double[][] pipelineSurvival;
    /** Gamma(deals + 1/2, 1/days), the inflow rate's posterior; null when not observed. */
    final SharedStateContinuousSampler inflowRate;

    /** The scenario's month effects; {@link MonthEffects#NONE} for an average period. */
    final MonthEffects effects;
    /** The clock of dwells that end in a win; null without a closing push in the horizon. */
    final PushClock push;
    /** Each stage's advance exit (the one nearest a win), whose odds the month's conversion shift moves; -1 if none. */
    final int[] advance;
    /** Each stage's stalled share (its last exit when positive), kept fixed when the other exits are drawn. */
    final double[] stalled;
    /** Whether each trial has its own exit probabilities or inflow: parameter uncertainty or month effects. */
    final boolean perTrial;
    /** The month's standard normal for the conversion shift, and its Gamma inflow factor (mean 1); null when fixed. */
    final SharedStateContinuousSampler monthShift;
    final SharedStateContinuousSampler monthInflow;

    /** A logged walk's calendar months that differ ({@link PathWalk}); null when forecasting. */
    final WalkMonths months;

    KernelTables(Funnel funnel) {
        this(funnel, false, true);
    }

    /** With {@code winnersOnly} only the eventual winners are simulated. */
    KernelTables(Funnel funnel, boolean uncertainty, boolean winnersOnly) {
        this(funnel, uncertainty, winnersOnly, null);
    }

    /**
     * With {@code log} not null, the tables of a logged walk ({@link PathWalk}): every deal, over
     * {@code log.days()} working days, new deals by {@code log.daily()} (or the scenario's rate),
     * its months and its push clock.
     */
    KernelTables(Funnel funnel, boolean uncertainty, boolean winnersOnly, WalkLog log) {
        Scenario scenario = funnel.scenario();
        UniformRandomProvider placeholder = RandomSource.SPLIT_MIX_64.create(0L);
        effects = scenario.monthEffects();
        push = log != null ? log.push() : funnel.push().isNone() ? null : funnel.push();
        months = log == null ? null : log.months();
        perTrial = uncertainty || !effects.isNone();
        this.winnersOnly = winnersOnly;
        stages = funnel.stageCount();
        won = funnel.won();
        horizon = log != null ? log.days() : scenario.horizonDays();
        entry = funnel.entry();
        stalled = new double[stages];
        dest = new int[stages][];
        exit = new SharedStateDiscreteSampler[stages];
        dwell = new SharedStateContinuousSampler[stages][];
        sharedDwell = new boolean[stages];
        prob = new double[stages][];
        stageSamplers(funnel, placeholder);

        inflowMean = log != null && log.daily() != null ? IntStream.range(0, log.daily().length)
            .mapToDouble(k -> log.daily()[k]).sum() : scenario.inflow().perDay() * horizon;
        if (inflowMean > Inflow.MAX_PER_HORIZON) {
            throw new InputException(String.format(Locale.ROOT,
                "the inflow brings %.3g new deals per trial, above the limit of %.0g: lower inflow.perDay",
                inflowMean, Inflow.MAX_PER_HORIZON));
        }
        inflowCount = inflowMean > 0 ? PoissonSampler.of(placeholder, inflowMean) : null;
        arrivalCdf = arrivalCdf(log != null ? log.daily() : funnel.dailyInflow());

        int pipelineDeals = scenario.pipeline().size();
        pipelineStage = new int[pipelineDeals];
        pipelineCount = new int[pipelineDeals];
        pipelineValue = new double[pipelineDeals];
        pipelineExit = new SharedStateDiscreteSampler[pipelineDeals];
        pipelineWeights = new double[pipelineDeals][];
        pipelineResidual = new SharedStateContinuousSampler[pipelineDeals][];
        pipelineSamplers(funnel, placeholder);
        dealValue = scenario.dealValue().map(d -> d.sampler(placeholder)).orElse(null);

        winningExit = new SharedStateDiscreteSampler[stages];
        winningExitIndex = new int[stages][];
        pipelineWin = new double[pipelineDeals];
        pipelineWinningExit = new SharedStateDiscreteSampler[pipelineDeals];
        pipelineWinningExitIndex = new int[pipelineDeals][];
        winnersPerTrial = winnersOnly && !perTrial ? winnerSamplers(funnel, placeholder) : 0;
        inflowChunk = winnersOnly && !perTrial ? chunk(winnersPerTrial) : 1;
        winningInflow = winnersPerTrial > 0 ? PoissonSampler.of(placeholder, inflowChunk * winnersPerTrial) : null;

        dirichlet = new SharedStateContinuousSampler[stages][];
        pipelineSurvival = new double[pipelineDeals][];
        var observed = scenario.inflow().observed();
        inflowRate = perTrial && uncertainty && observed != null
            ? AhrensDieterMarsagliaTsangGammaSampler.of(placeholder, observed.deals() + PRIOR, 1 / observed.days()) : null;
        if (perTrial) {
            perTrialDraws(funnel, uncertainty, placeholder);
        }
        advance = new int[stages];
        Absorption chain = effects.isNone() ? null : Absorption.of(funnel);
        for (int s = 0; s < stages; s++) {
            advance[s] = chain == null ? -1 : chain.advanceExit(s);
        }
        monthShift = effects.conversionSd() > 0 ? ZigguratSampler.NormalizedGaussian.of(placeholder) : null;
        monthInflow = effects.inflowCv() > 0
            ? AhrensDieterMarsagliaTsangGammaSampler.of(placeholder, effects.inflowShape(), 1 / effects.inflowShape()) : null;
    }

    private static double[] arrivalCdf(double[] daily) {
        if (daily == null) {
            return null;
        }
        double total = 0;
        for (double d : daily) {
            total += d;
        }
        double[] cdf = new double[daily.length];
        double sum = 0;
        for (int k = 0; k < daily.length; k++) {
            sum += daily[k];
            cdf[k] = total > 0 ? sum / total : (k + 1.0) / daily.length;
        }
        cdf[daily.length - 1] = 1;
        return cdf;
    }

    /**
     * A new deal's arrival time from a uniform u: {@code u T} at a constant rate; under a team, the
     * inverse of the cumulative inflow, uniform within each working day (a day without inflow gets none).
     */
    double arrival(double u) {
        if (arrivalCdf == null) {
            return horizon * u;
        }
        int lo = 0;
        int hi = arrivalCdf.length - 1;
        while (lo < hi) { // the first day whose cumulative share exceeds u
            int mid = (lo + hi) >>> 1;
            if (arrivalCdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double before = lo == 0 ? 0 : arrivalCdf[lo - 1];
        double within = arrivalCdf[lo] > before ? (u - before) / (arrivalCdf[lo] - before) : 0;
        return lo + Math.min(1, Math.max(0, within));
    }

    /** Each stage's exits, their probabilities, its exit and dwell samplers, and its stalled share. */
    private void stageSamplers(Funnel funnel, UniformRandomProvider placeholder) {
        for (int s = 0; s < stages; s++) {
            stalled[s] = funnel.scenario().stages().get(s).stalled();
            prob[s] = funnel.probs(s);
            int n = funnel.exitCount(s);
            dest[s] = new int[n];
            dwell[s] = new SharedStateContinuousSampler[n];
            for (int e = 0; e < n; e++) {
                dest[s][e] = funnel.dest(s, e);
                dwell[s][e] = funnel.dwell(s, e).sampler(placeholder);
            }
            exit[s] = n == 1 ? null : AliasMethodDiscreteSampler.of(placeholder, funnel.probs(s));
            sharedDwell[s] = true;
            for (int e = 1; e < n; e++) {
                sharedDwell[s] &= funnel.dwell(s, e).equals(funnel.dwell(s, 0));
            }
        }
    }

    /** Each pipeline deal's stage, count, value, first exit given its age, and residual dwell samplers. */
    private void pipelineSamplers(Funnel funnel, UniformRandomProvider placeholder) {
        List<PipelineDeal> pipeline = funnel.scenario().pipeline();
        for (int g = 0; g < pipeline.size(); g++) {
            PipelineDeal deal = pipeline.get(g);
            int s = funnel.index(deal.stage());
            pipelineStage[g] = s;
            pipelineCount[g] = deal.count();
            pipelineValue[g] = deal.value().orElse(Double.NaN);
            double[] weights = funnel.agedExitWeights(s, deal.age());
            pipelineWeights[g] = weights;
            pipelineExit[g] = weights.length == 1 ? null : AliasMethodDiscreteSampler.of(placeholder, weights);
            pipelineResidual[g] = new SharedStateContinuousSampler[weights.length];
            for (int e = 0; e < weights.length; e++) {
                // Under uncertainty an exit never seen (count 0, so no weight at its point value)
                // is still drawn with a positive probability: it needs its residual sampler too.
                boolean reachable = weights[e] > 0
                    || perTrial && (deal.age() <= 0 || funnel.dwell(s, e).survival(deal.age()) > 0);
                if (reachable) {
                    pipelineResidual[g][e] = funnel.dwell(s, e).residualSampler(placeholder, deal.age());
                }
            }
        }
    }

    /**
     * With fixed parameters and winners only: each stage's and each pipeline deal's h-transformed
     * exits. Returns lambda T h(entry), the new deals a trial that will win.
     */
    private double winnerSamplers(Funnel funnel, UniformRandomProvider placeholder) {
        Absorption chain = Absorption.of(funnel);
        for (int s = 0; s < stages; s++) {
            double hs = chain.winProbability(s);
            if (hs > 0) {
                double[] w = new double[dest[s].length];
                for (int e = 0; e < w.length; e++) {
                    w[e] = funnel.prob(s, e) * chain.winProbability(dest[s][e]) / hs;
                }
                winningExitIndex[s] = positive(w);
                winningExit[s] = winningExitIndex[s].length == 1 ? null
                    : AliasMethodDiscreteSampler.of(placeholder, compact(w, winningExitIndex[s]));
            }
        }
        for (int g = 0; g < pipelineStage.length; g++) {
            int s = pipelineStage[g];
            double[] w = pipelineWeights[g].clone();
            double total = 0;
            for (int e = 0; e < w.length; e++) {
                w[e] *= chain.winProbability(dest[s][e]);
                total += w[e];
            }
            pipelineWin[g] = Math.min(1, total);
            if (total > 0) {
                for (int e = 0; e < w.length; e++) {
                    w[e] /= total;
                }
                pipelineWinningExitIndex[g] = positive(w);
                pipelineWinningExit[g] = pipelineWinningExitIndex[g].length == 1 ? null
                    : AliasMethodDiscreteSampler.of(placeholder, compact(w, pipelineWinningExitIndex[g]));
            }
        }
        return inflowMean * chain.winProbability(entry);
    }

    /** What each trial draws for itself: Dirichlet exits under uncertainty, and the pipeline's survivals to re-weight them. */
    private void perTrialDraws(Funnel funnel, boolean uncertainty, UniformRandomProvider placeholder) {
        Scenario scenario = funnel.scenario();
        for (int s = 0; s < stages && uncertainty; s++) {
            var counts = scenario.stages().get(s).exitCounts();
            if (!counts.isEmpty()) {
                dirichlet[s] = new SharedStateContinuousSampler[dest[s].length];
                // the stalled share (the last exit, if any) is not drawn: the counts are of visits that moved on
                for (int e = 0; e < scenario.stages().get(s).exits().size(); e++) {
                    double n = counts.get(scenario.stages().get(s).exits().get(e).to());
                    dirichlet[s][e] = AhrensDieterMarsagliaTsangGammaSampler.of(placeholder, n + PRIOR, 1);
                }
            }
        }
        for (int g = 0; g < pipelineStage.length; g++) {
            int s = pipelineStage[g];
            double age = scenario.pipeline().get(g).age();
            pipelineSurvival[g] = new double[dest[s].length];
            for (int e = 0; e < dest[s].length; e++) {
                pipelineSurvival[g][e] = age > 0 ? funnel.dwell(s, e).survival(age) : 1;
            }
        }
    }

    /** The largest divisor of a block whose expected new winners stay below 2^30 (at least 1 trial). */
    static int chunk(double perTrial) {
        int block = Streams.BLOCK_TRIALS;
        for (int c = block; c > 1; c--) {
            if (block % c == 0 && c * perTrial <= (1 << 30)) {
                return c;
            }
        }
        return 1;
    }

    /** The exits with positive weight. */
    private static int[] positive(double[] w) {
        return IntStream.range(0, w.length).filter(e -> w[e] > 0).toArray();
    }

    private static double[] compact(double[] w, int[] index) {
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = w[index[i]];
        }
        return out;
    }

    /** Whether any parameter is actually drawn: counts on some stage, or an observed inflow. */
    boolean drawsParameters() {
        if (inflowRate != null) {
            return true;
        }
        for (SharedStateContinuousSampler[] d : dirichlet) {
            if (d != null) {
                return true;
            }
        }
        return false;
    }

    boolean reportsRevenue() {
        return dealValue != null;
    }
}
