package funnelcast.engine;

import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.MonthEffects;

/**
 * Calendar months that differ in conversion: month k covers working time [starts[k],
 * starts[k + 1]) and shifts the advance exits' log odds by {@code shifts[k]}. A visit draws its
 * dwell first (one per stage among the exits that move on), then its exit with the
 * probabilities of the month its dwell ends in; a stalled share is decided at entry.
 */
public final class WalkMonths {
    private final double[] starts;
    private final double[] shifts;
    private final int[] advance;
    private final int[] stalled;
    private final double[][] moving;

    public WalkMonths(Funnel funnel, double[] starts, double[] shifts) {
        this.starts = starts.clone();
        this.shifts = shifts.clone();
        Absorption chain = Absorption.of(funnel);
        int n = funnel.stageCount();
        advance = new int[n];
        stalled = new int[n];
        moving = new double[n][];
        for (int s = 0; s < n; s++) {
            advance[s] = chain.advanceExit(s);
            stalled[s] = funnel.stalledExit(s);
            for (int e = 1; e < funnel.exitCount(s); e++) {
                if (e != stalled[s] && !funnel.dwell(s, e).equals(funnel.dwell(s, 0))) {
                    throw new IllegalArgumentException("histories with varying months need one dwell per stage; stage '"
                        + funnel.id(s) + "' has exit-specific dwells");
                }
            }
            double[] p = funnel.probs(s).clone();
            if (stalled[s] >= 0) {
                double go = 1 - p[stalled[s]];
                p[stalled[s]] = 0;
                for (int e = 0; e < p.length; e++) {
                    p[e] /= go;
                }
            }
            moving[s] = p;
        }
    }

    int stalledExit(int s) {
        return stalled[s];
    }

    /** The exit of a visit to stage s that ends at {@code end}, from uniform {@code u}; {@code scratch} is overwritten. */
    int exit(int s, double end, double u, double[] scratch) {
        MonthEffects.shift(moving[s], advance[s], shifts[month(end)], scratch);
        double cum = 0;
        for (int e = 0; e < scratch.length; e++) {
            cum += scratch[e];
            if (u < cum) {
                return e;
            }
        }
        return scratch.length - 1;
    }

    private int month(double t) {
        int k = 0;
        while (k + 1 < starts.length && t >= starts[k + 1]) {
            k++;
        }
        return k;
    }
}
