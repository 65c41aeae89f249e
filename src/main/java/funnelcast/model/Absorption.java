package funnelcast.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The embedded jump chain of the funnel, time left aside (docs/model.md, planner): {@code h(s)}, the
 * probability that a deal at stage s is ever won, and {@code v(s)}, the expected visits to s
 * of a deal entering at the entry stage, both from the fundamental matrix {@code (I - Q)^-1}.
 */
public final class Absorption {
    /** Open stages 0..n-1, won = n, lost = n + 1, as in {@link Funnel}. */
    private final int[][] dest;
    private final double[][] prob;
    private final int entry;
    private final RealMatrix fundamental;

    private Absorption(int[][] dest, double[][] prob, int entry) {
        this.dest = dest;
        this.prob = prob;
        this.entry = entry;
        int n = dest.length;
        double[][] iMinusQ = new double[n][n];
        for (int s = 0; s < n; s++) {
            iMinusQ[s][s] += 1;
            for (int e = 0; e < dest[s].length; e++) {
                int d = dest[s][e];
                if (d < n) {
                    iMinusQ[s][d] -= prob[s][e];
                }
            }
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(iMinusQ, false)).getSolver();
        this.fundamental = solver.getInverse();
    }

    public static Absorption of(Funnel funnel) {
        int n = funnel.stageCount();
        int[][] dest = new int[n][];
        double[][] prob = new double[n][];
        for (int s = 0; s < n; s++) {
            dest[s] = new int[funnel.exitCount(s)];
            for (int e = 0; e < dest[s].length; e++) {
                dest[s][e] = funnel.dest(s, e);
            }
            prob[s] = funnel.probs(s);
        }
        return new Absorption(dest, prob, funnel.entry());
    }

    /**
     * The chain of exits {@code dest[s][e]} (open stages 0..n-1, won n, lost n + 1) taken with
     * probabilities {@code prob[s][e]}, as the engine draws them per trial. The arrays are read,
     * not copied: the result is for their values now.
     */
    public static Absorption of(int[][] dest, double[][] prob, int entry) {
        return new Absorption(dest, prob, entry);
    }

    /** h(s): the eventual win probability of a deal that enters stage s. */
    public double winProbability(int s) {
        int n = dest.length;
        if (s == n) {
            return 1;
        }
        if (s == n + 1) {
            return 0;
        }
        double h = 0;
        for (int t = 0; t < n; t++) {
            double wonStep = 0;
            for (int e = 0; e < dest[t].length; e++) {
                if (dest[t][e] == n) {
                    wonStep += prob[t][e];
                }
            }
            h += fundamental.getEntry(s, t) * wonStep;
        }
        return h;
    }

    /**
     * The advance exit of stage s: the exit (other than back to s itself) whose destination is
     * most likely to end in a win, {@code won} counting 1; -1 if s only loops on itself.
     */
    public int advanceExit(int s) {
        int best = -1;
        double bestH = -1;
        for (int e = 0; e < dest[s].length; e++) {
            int d = dest[s][e];
            if (d != s && winProbability(d) > bestH) {
                bestH = winProbability(d);
                best = e;
            }
        }
        return best;
    }

    /** Expected visits to stage t of a deal that enters stage s. */
    public double visits(int s, int t) {
        return fundamental.getEntry(s, t);
    }

    /** Expected visits to stage t per deal entering at the entry stage. */
    public double visitsFromEntry(int t) {
        return visits(entry, t);
    }
}
