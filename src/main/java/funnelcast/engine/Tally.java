package funnelcast.engine;

import java.util.Arrays;

/**
 * One worker's running statistics: counts only (wins pmf, cumulative wins per day, revenue
 * buckets), which merge exactly in any order, so memory stays flat as trials grow and the
 * result does not depend on which worker ran which block. Revenue sums, which are floating
 * point, are kept per block and added in block order by {@link MonteCarloEngine}.
 */
final class Tally {
    long trials;
    /** Trials whose revenue reached the revenue target (when there is one). */
    long revenueHits;
    private final double revenueTarget;
    long[] winCounts = new long[16];
    /** dayCounts[k-1][w]: trials with w cumulative wins by the end of day k. */
    final long[][] dayCounts;
    final RevenueHistogram revenue;

    Tally(int horizon, boolean revenue) {
        this(horizon, revenue, Double.NaN);
    }

    Tally(int horizon, boolean revenue, double revenueTarget) {
        this.revenueTarget = revenueTarget;
        dayCounts = new long[horizon][];
        for (int d = 0; d < horizon; d++) {
            dayCounts[d] = new long[16];
        }
        this.revenue = revenue ? new RevenueHistogram() : null;
    }

    /** Adds trial i of a block. */
    void add(BlockResults block, int i) {
        trials++;
        winCounts = increment(winCounts, block.wins[i]);
        int cumulative = 0;
        int[] byDay = block.winsByDay;
        int row = i * block.stride;
        for (int d = 0; d < dayCounts.length; d++) {
            cumulative += byDay[row + d + 1];
            long[] c = dayCounts[d];
            if (cumulative >= c.length) {
                dayCounts[d] = c = Arrays.copyOf(c, Math.max(cumulative + 1, 2 * c.length));
            }
            c[cumulative]++;
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
        winCounts = addCounts(winCounts, other.winCounts);
        for (int d = 0; d < dayCounts.length; d++) {
            dayCounts[d] = addCounts(dayCounts[d], other.dayCounts[d]);
        }
        if (revenue != null) {
            revenue.addAll(other.revenue);
        }
    }

    private static long[] increment(long[] counts, int k) {
        if (k >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(k + 1, 2 * counts.length));
        }
        counts[k]++;
        return counts;
    }

    private static long[] addCounts(long[] a, long[] b) {
        long[] sum = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    /** The counts up to the largest value seen (spec: a Monte Carlo pmf runs to the largest count seen). */
    static long[] trim(long[] counts) {
        int n = counts.length;
        while (n > 1 && counts[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(counts, n);
    }
}
