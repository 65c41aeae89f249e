package funnelcast.model;

/**
 * New deals a working day into the entry stage, for the whole team: {@code perDay}. When
 * given per rep, {@code reps} is the head count (fractions for part-time) and
 * {@code perDay = perRepPerDay * reps}; otherwise {@code reps} is 0. {@code observed} is the
 * history behind the rate, for parameter uncertainty, or null.
 */
public record Inflow(double perDay, double reps, Observed observed) {
    public static final Inflow NONE = new Inflow(0, 0, null);
    /**
     * The most new deals expected over a horizon that a forecast follows in bounded time and
     * memory: the scenario reader, the engine and the exact method all refuse more.
     */
    public static final double MAX_PER_HORIZON = 1e7;

    public Inflow {
        if (!(perDay >= 0 && perDay < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("perDay must be a finite number >= 0, got " + perDay);
        }
    }

    public boolean perRep() {
        return reps > 0;
    }

    public double perRepPerDay() {
        return reps > 0 ? perDay / reps : Double.NaN;
    }

    /** New deals observed over working days, the whole team's. */
    public record Observed(double deals, double days) {
    }
}
