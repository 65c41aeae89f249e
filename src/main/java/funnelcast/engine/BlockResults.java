package funnelcast.engine;

import java.util.Arrays;

/**
 * What each trial of a block produced: wins on each working day, their number, and revenue.
 * Arrays sized once per worker; row {@code i} of {@link #winsByDay} starts at {@code i * stride}.
 */
final class BlockResults {
    final int stride;
    /** winsByDay[i * stride + k]: wins of trial i during working day k (k = 1..T). */
    final int[] winsByDay;
    final int[] wins;
    final double[] revenue;
    int trials;

    BlockResults(int blockTrials, int horizon) {
        stride = horizon + 1;
        winsByDay = new int[blockTrials * stride];
        wins = new int[blockTrials];
        revenue = new double[blockTrials];
    }

    void clear(int trials) {
        this.trials = trials;
        Arrays.fill(winsByDay, 0, trials * stride, 0);
        Arrays.fill(wins, 0, trials, 0);
        Arrays.fill(revenue, 0, trials, 0);
    }

    void win(int trial, double time, double value) {
        // Day k ends at time k: a win at time t counts on day ceil(t) (time 0 on day 1).
        int day = Math.max(1, (int) Math.ceil(time));
        winsByDay[trial * stride + day]++;
        wins[trial]++;
        revenue[trial] += value;
    }
}
