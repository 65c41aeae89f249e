package funnelcast.exact;

/**
 * New deals whose rate changes from one working day to the next (a team's inflow), weighed by the
 * win curve: arrivals on day k at {@code rate[k - 1]} a day add {@code rate_k (I(day - k + 1) - I(day - k))}
 * expected wins by {@code day}, I the integral of the entry's win curve ({@link WinCurves#inflowIntegral}).
 */
final class DailyInflow {
    private DailyInflow() {
    }

    /** I(d) for d = 0..horizon, computed once for every day's sum. */
    static Bounds[] integrals(WinCurves curves, int horizon) {
        Bounds[] at = new Bounds[horizon + 1];
        at[0] = new Bounds(0, 0);
        for (int d = 1; d <= horizon; d++) {
            at[d] = curves.inflowIntegral(d);
        }
        return at;
    }

    /**
     * The expected wins by {@code day} per unit of the month's inflow factor, with bounds: each
     * difference lies between the lower bound less the upper and the upper less the lower.
     */
    static Bounds weighted(Bounds[] at, int day, double[] rate) {
        double lower = 0;
        double upper = 0;
        for (int k = 1; k <= day; k++) {
            Bounds a = at[day - k + 1];
            Bounds b = at[day - k];
            lower += rate[k - 1] * Math.max(0, a.lower() - b.upper());
            upper += rate[k - 1] * Math.max(0, a.upper() - b.lower());
        }
        return new Bounds(lower, Math.max(lower, upper));
    }
}
