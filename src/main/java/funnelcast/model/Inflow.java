package funnelcast.model;

/**
 * New deals a working day into the entry stage, for the whole team: {@code perDay}. When
 * given per rep, {@code reps} is the head count (fractions for part-time) and
 * {@code perDay = perRepPerDay * reps}; otherwise {@code reps} is 0. {@code observed} is the
 * history behind the rate, for parameter uncertainty, or null. With a {@code team} the rate
 * follows the team day by day ({@link Team#daily}); {@code perDay} is then its mean over the
 * horizon and {@code reps} the team's head count.
 */
public record Inflow(double perDay, double reps, Observed observed, Team team) {
    public static final Inflow NONE = new Inflow(0, 0, null);

    /** An inflow at a constant rate (no team). */
    public Inflow(double perDay, double reps, Observed observed) {
        this(perDay, reps, observed, null);
    }

    /** A team's inflow over a horizon: {@code perDay} is its mean over the horizon's working days. */
    public static Inflow of(Team team, WorkCalendar calendar) {
        double[] daily = team.daily(calendar);
        double sum = 0;
        for (double d : daily) {
            sum += d;
        }
        return new Inflow(sum / daily.length, team.reps().size(), null, team);
    }
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

    /** One ramped rep's new deals a day (for a team, its rate; else the rate shared by the head count). */
    public double perRepPerDay() {
        return team != null ? team.perRepPerDay() : reps > 0 ? perDay / reps : Double.NaN;
    }

    /** New deals observed over working days, the whole team's. */
    public record Observed(double deals, double days) {
    }
}
