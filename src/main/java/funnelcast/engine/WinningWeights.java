package funnelcast.engine;

import funnelcast.model.Absorption;

/**
 * Under parameter uncertainty, each trial's eventual win probabilities and h-transformed exits
 * for the exit probabilities it drew, so that the trial can simulate only the deals that will
 * win (as {@link KernelTables#winnersOnly} does with fixed parameters). For the drawn
 * probabilities p, h solves h(s) = sum_e p(s,e) h(d_e) with h(won) = 1 and h(lost) = 0, by the
 * same jump-chain algebra as for fixed parameters ({@link Absorption}): a few stages, so a few
 * hundred operations and a few small matrices a trial (nothing per deal). Given the drawn
 * parameters the winners' law is the plain law conditioned on winning, so mixing over the
 * parameters leaves every output's law unchanged.
 */
final class WinningWeights {
    private final KernelTables tables;
    /** This trial's exit probabilities. */
    private final double[][] drawn;
    /** h(s) for this trial's parameters, open stages only. */
    final double[] h;
    /** Cumulative p(s,e) h(d_e) / h(s) over each stage's exits. */
    final double[][] exits;
    /** Each pipeline deal's eventual win probability, and its first exit given that it wins (cumulative). */
    final double[] pipelineWin;
    final double[][] pipelineExits;

    WinningWeights(KernelTables tables) {
        this.tables = tables;
        int stages = tables.stages;
        drawn = new double[stages][];
        h = new double[stages];
        exits = new double[stages][];
        for (int s = 0; s < stages; s++) {
            exits[s] = new double[tables.dest[s].length];
            drawn[s] = new double[tables.dest[s].length];
        }
        pipelineWin = new double[tables.pipelineStage.length];
        pipelineExits = new double[tables.pipelineStage.length][];
        for (int g = 0; g < pipelineExits.length; g++) {
            pipelineExits[g] = new double[tables.dest[tables.pipelineStage[g]].length];
        }
    }

    /**
     * Recomputes everything for this trial. {@code cumulative[s]} holds stage s's drawn exit
     * probabilities as cumulative sums, or is null where they are fixed; likewise
     * {@code pipelineCumulative[g]} for the age-weighted first exits of pipeline deals.
     */
    void update(double[][] cumulative, double[][] pipelineCumulative) {
        int stages = tables.stages;
        for (int s = 0; s < stages; s++) {
            for (int e = 0; e < drawn[s].length; e++) {
                drawn[s][e] = weight(cumulative[s], tables.prob[s], e);
            }
        }
        Absorption chain = Absorption.of(tables.dest, drawn, tables.entry);
        for (int s = 0; s < stages; s++) {
            h[s] = Math.min(1, Math.max(0, chain.winProbability(s))); // clamped against rounding
        }
        for (int s = 0; s < stages; s++) {
            transform(cumulative[s], tables.prob[s], s, exits[s]);
        }
        for (int g = 0; g < pipelineWin.length; g++) {
            pipelineWin[g] = Math.min(1, transform(pipelineCumulative[g], tables.pipelineWeights[g], tables.pipelineStage[g], pipelineExits[g]));
        }
    }

    /** Exit e's probability: from the drawn cumulative sums, or the fixed value where none were drawn. */
    private static double weight(double[] cumulative, double[] fixed, int e) {
        if (cumulative == null) {
            return fixed[e];
        }
        return cumulative[e] - (e > 0 ? cumulative[e - 1] : 0);
    }

    /** Fills out with the cumulative, normalised w_e h(d_e) over stage s's exits; returns their sum. */
    private double transform(double[] cumulative, double[] fixed, int s, double[] out) {
        double sum = 0;
        for (int e = 0; e < out.length; e++) {
            int d = tables.dest[s][e];
            sum += weight(cumulative, fixed, e) * (d < tables.won ? h[d] : d == tables.won ? 1 : 0);
            out[e] = sum;
        }
        if (sum > 0) {
            for (int e = 0; e < out.length; e++) {
                out[e] /= sum;
            }
        }
        return sum;
    }
}
