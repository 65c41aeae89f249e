package funnelcast.engine;

import funnelcast.forecast.Pmf;
import java.io.Serializable;
import java.util.Arrays;

/**
 * How many trials gave each value of a count (wins, or wins by a day), held only over the
 * values seen: with a large inflow a day's cumulative wins lie in a narrow band far from zero,
 * and an array from zero would cost memory for values no trial reached. Counts are integers,
 * so they merge exactly in any order.
 */
final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;

    private long[] counts = new long[16];
    /** The value counts[0] stands for. */
    private int offset = -1;
    private int max = -1;

    void add(int value) {
        reach(value, value);
        counts[value - offset]++;
        max = Math.max(max, value);
    }

    void addAll(Counts other) {
        if (other.offset < 0) {
            return;
        }
        reach(other.offset, other.max);
        for (int v = other.offset; v <= other.max; v++) {
            counts[v - offset] += other.counts[v - other.offset];
        }
        max = Math.max(max, other.max);
    }

    /**
     * Makes the window hold every value from lo to hi. It grows by half its span again on the
     * side that was outgrown, so a band that widens a value at a time is copied a logarithmic
     * number of times and the window stays within a small factor of the band (counts are never
     * below zero, so it never reaches below zero either).
     */
    private void reach(int lo, int hi) {
        if (offset < 0) {
            offset = lo;
        }
        int end = offset + counts.length - 1;
        if (lo >= offset && hi <= end) {
            return;
        }
        int from = Math.min(offset, lo);
        int to = Math.max(end, hi);
        int slack = (to - from + 1) / 2;
        if (lo < offset) {
            from = Math.max(0, from - slack);
        }
        if (hi > end) {
            to += slack;
        }
        long[] grown = new long[to - from + 1];
        System.arraycopy(counts, 0, grown, offset - from, counts.length);
        counts = grown;
        offset = from;
    }

    /** Trials with each value from 0 to the largest seen (the tables's Monte Carlo pmf support). */
    long[] fromZero() {
        long[] out = new long[max + 1];
        if (max >= 0) {
            System.arraycopy(counts, 0, out, offset, max - offset + 1);
        }
        return out;
    }

    /** How many values the window holds (its memory). */
    int held() {
        return counts.length;
    }

    double mean(long trials) {
        double sum = 0;
        for (int v = Math.max(offset, 0); v <= max; v++) {
            sum += (double) v * counts[v - offset];
        }
        return sum / trials;
    }

    /** The q-quantile over {@code trials} trials (docs/scenario-format.md, the forecast result); values below the window have no trials. */
    int quantile(long trials, double q) {
        return offset + Pmf.quantile(Arrays.copyOf(counts, max - offset + 1), trials, q);
    }
}
