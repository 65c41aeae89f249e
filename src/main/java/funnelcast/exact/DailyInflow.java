package funnelcast.exact;

/**
 * New deals whose rate changes from one working day to the next (a team's inflow), weighed by the
 * win curve: arrivals on day k at {@code rate[k - 1]} a day are aged {@code [day - k, day - k + 1)}
 * at the end of {@code day}, so they add {@code rate_k} times that slice of the entry's win curve's
 * integral ({@link WinCurves#inflowSlices}) to the expected wins by {@code day}.
 */
final class DailyInflow {
    private DailyInflow() {
    }

    /** Each day's slices, {@code slices[day][j]} for day = 1..horizon, computed once for every day's sum. */
    static Bounds[][] slices(WinCurves curves, int horizon) {
        Bounds[][] byDay = new Bounds[horizon + 1][];
        byDay[0] = new Bounds[0];
        for (int d = 1; d <= horizon; d++) {
            byDay[d] = curves.inflowSlices(d);
        }
        return byDay;
    }

    /**
     * The expected wins by {@code day} per unit of the month's inflow factor, with bounds: each
     * slice's bounds weighed by its day's rate, so the width is the rate-weighted width of the
     * slices, no wider than the largest rate times the integral's.
     */
    static Bounds weighted(Bounds[][] slices, int day, double[] rate) {
        double lower = 0;
        double upper = 0;
        Bounds[] at = slices[day];
        for (int k = 1; k <= day; k++) {
            Bounds slice = at[day - k];
            lower += rate[k - 1] * slice.lower();
            upper += rate[k - 1] * slice.upper();
        }
        return new Bounds(lower, Math.max(lower, upper));
    }
}
