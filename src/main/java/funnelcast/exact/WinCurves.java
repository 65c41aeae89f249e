package funnelcast.exact;

/**
 * {@code F(s, t)}, the probability that a deal entering stage s at time 0 is won by t, in the
 * two forms the forecast needs, each as rigorous bounds (spec section 5).
 */
sealed interface WinCurves permits Uniformization, RenewalGrid {

    /** {@code integral_0^day F(entry, v) dv}: expected wins by {@code day} per unit inflow rate. */
    Bounds inflowIntegral(int day);

    /**
     * Expected wins by {@code day} from new deals arriving at {@code rate[k - 1]} a day on working
     * day k (constant within the day): {@code sum_k rate_k (I(day - k + 1) - I(day - k))}, I the
     * integral above. Its bounds combine the integral's: each difference lies between the lower
     * bound less the upper and the upper less the lower.
     */
    default Bounds inflowIntegral(int day, double[] rate) {
        Bounds[] at = new Bounds[day + 1];
        at[0] = new Bounds(0, 0);
        for (int d = 1; d <= day; d++) {
            at[d] = inflowIntegral(d);
        }
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

    /** P(won by the end of each day 1..T) for a deal aged {@code age} in stage s at time 0. */
    Bounds[] dealWins(int stage, double age);

    /** Names the solver and its resolution, for the report. */
    String describe();
}
