package funnelcast.engine;

/**
 * Under parameter uncertainty, each trial's eventual win probabilities and h-transformed exits
 * for the exit probabilities it drew, so that the trial can simulate only the deals that will
 * win (as {@link KernelSpec#conditioned} does with fixed parameters). For the drawn
 * probabilities p, h solves h(s) = sum_e p(s,e) h(d_e) with h(won) = 1 and h(lost) = 0, by
 * Gaussian elimination with partial pivoting on (I - Q) h = r: a few stages, so a few hundred
 * operations a trial. Given the drawn parameters the winners' law is the plain law
 * conditioned on winning, so mixing over the parameters leaves every output's law unchanged.
 * Arrays are sized once.
 */
final class WinningWeights {
    private final KernelSpec spec;
    private final double[][] system;
    /** h(s) for this trial's parameters, open stages only. */
    final double[] h;
    /** Cumulative p(s,e) h(d_e) / h(s) over each stage's exits. */
    final double[][] exits;
    /** Each pipeline entry's eventual win probability, and its first exit given that it wins (cumulative). */
    final double[] groupWin;
    final double[][] groupExits;

    WinningWeights(KernelSpec spec) {
        this.spec = spec;
        int stages = spec.stages;
        system = new double[stages][stages + 1];
        h = new double[stages];
        exits = new double[stages][];
        for (int s = 0; s < stages; s++) {
            exits[s] = new double[spec.dest[s].length];
        }
        groupWin = new double[spec.groupStage.length];
        groupExits = new double[spec.groupStage.length][];
        for (int g = 0; g < groupExits.length; g++) {
            groupExits[g] = new double[spec.dest[spec.groupStage[g]].length];
        }
    }

    /**
     * Recomputes everything for this trial. {@code cumulative[s]} holds stage s's drawn exit
     * probabilities as cumulative sums, or is null where they are fixed; likewise
     * {@code groupCumulative[g]} for the age-weighted first exits of pipeline entries.
     */
    void update(double[][] cumulative, double[][] groupCumulative) {
        int stages = spec.stages;
        for (int s = 0; s < stages; s++) {
            double[] row = system[s];
            java.util.Arrays.fill(row, 0);
            row[s] = 1;
            for (int e = 0; e < spec.dest[s].length; e++) {
                int d = spec.dest[s][e];
                double p = weight(cumulative[s], spec.prob[s], e);
                if (d < spec.won) {
                    row[d] -= p;
                } else if (d == spec.won) {
                    row[stages] += p;
                }
            }
        }
        solve();
        for (int s = 0; s < stages; s++) {
            transform(cumulative[s], spec.prob[s], s, exits[s]);
        }
        for (int g = 0; g < groupWin.length; g++) {
            groupWin[g] = Math.min(1, transform(groupCumulative[g], spec.groupWeights[g], spec.groupStage[g], groupExits[g]));
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
            int d = spec.dest[s][e];
            sum += weight(cumulative, fixed, e) * (d < spec.won ? h[d] : d == spec.won ? 1 : 0);
            out[e] = sum;
        }
        if (sum > 0) {
            for (int e = 0; e < out.length; e++) {
                out[e] /= sum;
            }
        }
        return sum;
    }

    /** Solves the system in place into h, clamped to [0, 1] against rounding. */
    private void solve() {
        int n = h.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(system[r][col]) > Math.abs(system[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = system[col];
            system[col] = system[pivot];
            system[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double f = system[r][col] / system[col][col];
                if (f != 0) {
                    for (int c = col; c <= n; c++) {
                        system[r][c] -= f * system[col][c];
                    }
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double x = system[r][n];
            for (int c = r + 1; c < n; c++) {
                x -= system[r][c] * h[c];
            }
            h[r] = x / system[r][r];
        }
        for (int s = 0; s < n; s++) {
            h[s] = Math.min(1, Math.max(0, h[s]));
        }
    }
}
