package funnelcast.engine;

import java.io.Serializable;

/**
 * One worker's running statistics: counts only (wins pmf, cumulative wins per day, revenue
 * buckets), which merge exactly in any order, so memory stays flat as trials grow and the
 * result does not depend on which worker ran which block. Revenue sums, which are floating
 * point, are kept per block and added in block order by {@link MonteCarloEngine}.
 */
final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    long trials;
    /** Trials whose revenue reached the revenue target (when there is one). */
    long revenueHits;
    private final double revenueTarget;
    final Counts winCounts = new Counts();
    /** dayCounts[k-1]: trials by their cumulative wins at the end of day k. */
    final Counts[] dayCounts;
    final RevenueHistogram revenue;

    Tally(int horizon, boolean revenue) {
        this(horizon, revenue, Double.NaN);
    }

    Tally(int horizon, boolean revenue, double revenueTarget) {
        this.revenueTarget = revenueTarget;
        dayCounts = new Counts[horizon];
        for (int d = 0; d < horizon; d++) {
            dayCounts[d] = new Counts();
        }
        this.revenue = revenue ? new RevenueHistogram() : null;
    }

    /** A tally of no trials with the same horizon, revenue and revenue target. */
    Tally empty() {
        return new Tally(dayCounts.length, revenue != null, revenueTarget);
    }

    /** Adds trial i of a block. */
    void add(BlockResults block, int i) {
        trials++;
        winCounts.add(block.wins[i]);
        int cumulative = 0;
        int[] byDay = block.winsByDay;
        int row = i * block.stride;
        for (int d = 0; d < dayCounts.length; d++) {
            cumulative += byDay[row + d + 1];
            dayCounts[d].add(cumulative);
        }
        if (revenue != null) {
            double r = block.revenue[i];
            revenue.add(r);
            if (r >= revenueTarget) {
                revenueHits++;
            }
        }
    }

    void addAll(Tally other) {
        trials += other.trials;
        revenueHits += other.revenueHits;
        winCounts.addAll(other.winCounts);
        for (int d = 0; d < dayCounts.length; d++) {
            dayCounts[d].addAll(other.dayCounts[d]);
        }
        if (revenue != null) {
            revenue.addAll(other.revenue);
        }
    }
}
