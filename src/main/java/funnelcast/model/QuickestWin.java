package funnelcast.model;

import java.util.Arrays;

/**
 * The quickest path to a win: each exit's dwell takes at least its law's
 * {@link funnelcast.law.Law#supportLowerBound() lower bound}, so a deal entering a stage
 * at time 0 cannot be won before the shortest path to won over those minimums (the last step on
 * the closing push's clock, which only shortens it). Before that time the model's probability of
 * a win is exactly 0; a horizon shorter than it cannot be reached by new deals at any inflow.
 */
public final class QuickestWin {
    private QuickestWin() {
    }

    /**
     * The earliest time, in working days from 0, at which a deal entering {@code stage} at time 0
     * can be won; infinite when no path with positive probability leads to won.
     */
    public static double from(Funnel funnel, int stage) {
        int n = funnel.stageCount();
        double[] at = new double[n];
        Arrays.fill(at, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        at[stage] = 0;
        double best = Double.POSITIVE_INFINITY;
        // Dijkstra on entry times: every step's end is non-decreasing in its start, the push's included
        for (int round = 0; round < n; round++) {
            int s = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (s < 0 || at[i] < at[s])) {
                    s = i;
                }
            }
            if (s < 0 || at[s] == Double.POSITIVE_INFINITY || at[s] >= best) {
                break;
            }
            done[s] = true;
            for (int e = 0; e < funnel.exitCount(s); e++) {
                if (!(funnel.prob(s, e) > 0)) {
                    continue;
                }
                double least = funnel.dwell(s, e).supportLowerBound();
                int d = funnel.dest(s, e);
                if (d == funnel.won()) {
                    best = Math.min(best, funnel.push().after(at[s], least));
                } else if (d < n && at[s] + least < at[d]) {
                    at[d] = at[s] + least;
                }
            }
        }
        return best;
    }
}
