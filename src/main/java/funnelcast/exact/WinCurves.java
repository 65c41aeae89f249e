package funnelcast.exact;

/**
 * {@code F(s, t)}, the probability that a deal entering stage s at time 0 is won by t, in the
 * two forms the forecast needs, each as rigorous bounds (docs/model.md, the exact method).
 */
sealed interface WinCurves permits Uniformization, RenewalGrid {

    /** {@code integral_0^day F(entry, v) dv}: expected wins by {@code day} per unit inflow rate. */
    Bounds inflowIntegral(int day);

    /**
     * For the wins by the end of {@code day}: the integral of the entry's win curve over each day
     * of age, {@code [j, j + 1)} for j = 0..day-1, each with its own bounds (they add up to
     * {@link #inflowIntegral}). Arrivals on working day k are aged {@code [day - k, day - k + 1)}
     * then, so a rate that changes day by day weighs these slices, and its bound stays as tight
     * as the integral's.
     */
    Bounds[] inflowSlices(int day);

    /** P(won by the end of each day 1..T) for a deal aged {@code age} in stage s at time 0. */
    Bounds[] dealWins(int stage, double age);

    /** Names the solver and its resolution, for the report. */
    String describe();
}
