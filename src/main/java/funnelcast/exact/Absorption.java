package funnelcast.exact;

import funnelcast.model.Funnel;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The embedded jump chain of the funnel, time left aside (spec section 6): {@code h(s)}, the
 * probability that a deal at stage s is ever won, and {@code v(s)}, the expected visits to s
 * of a deal entering at the entry stage, both from the fundamental matrix {@code (I - Q)^-1}.
 */
public final class Absorption {
    private final Funnel funnel;
    private final RealMatrix fundamental;

    private Absorption(Funnel funnel) {
        this.funnel = funnel;
        int n = funnel.stageCount();
        double[][] iMinusQ = new double[n][n];
        for (int s = 0; s < n; s++) {
            iMinusQ[s][s] += 1;
            for (int e = 0; e < funnel.exitCount(s); e++) {
                int d = funnel.dest(s, e);
                if (d < n) {
                    iMinusQ[s][d] -= funnel.prob(s, e);
                }
            }
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(iMinusQ, false)).getSolver();
        this.fundamental = solver.getInverse();
    }

    public static Absorption of(Funnel funnel) {
        return new Absorption(funnel);
    }

    /** h(s): the eventual win probability of a deal that enters stage s. */
    public double winProbability(int s) {
        if (s == funnel.won()) {
            return 1;
        }
        if (s == funnel.lost()) {
            return 0;
        }
        int n = funnel.stageCount();
        double h = 0;
        for (int t = 0; t < n; t++) {
            double wonStep = 0;
            for (int e = 0; e < funnel.exitCount(t); e++) {
                if (funnel.dest(t, e) == funnel.won()) {
                    wonStep += funnel.prob(t, e);
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
        for (int e = 0; e < funnel.exitCount(s); e++) {
            int d = funnel.dest(s, e);
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
        return visits(funnel.entry(), t);
    }
}
