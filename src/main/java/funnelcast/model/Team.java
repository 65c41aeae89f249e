package funnelcast.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The team that finds new deals: each rep brings {@code perRepPerDay} new deals a working day
 * once ramped. A rep with a {@code start} date (a hire) brings none before it, then ramps up
 * linearly over {@code rampDays} working days (1/rampDays of the rate on the start day, the full
 * rate from the rampDays-th working day on); a rep without one is already ramped. A rep's days
 * off bring none. The inflow follows the team day by day: new deals arrive as a Poisson process
 * whose rate is constant within each working day.
 */
public record Team(double perRepPerDay, int rampDays, List<Rep> reps) {
    /** One rep: an id, a start date (null: ramped before the horizon) and days off. */
    public record Rep(String id, LocalDate start, SortedSet<LocalDate> daysOff) {
        public Rep {
            daysOff = Collections.unmodifiableSortedSet(new TreeSet<>(daysOff));
        }
    }

    public Team {
        reps = List.copyOf(reps);
        if (!(perRepPerDay >= 0 && perRepPerDay < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("perRepPerDay must be a finite number >= 0, got " + perRepPerDay);
        }
        if (rampDays < 0) {
            throw new IllegalArgumentException("rampDays must be >= 0, got " + rampDays);
        }
    }

    /** A rep's share of a ramped rep's rate on a working date: 0 before the start and on days off, ramping after. */
    public double productivity(Rep rep, LocalDate date, WorkCalendar calendar) {
        if (rep.daysOff().contains(date) || rep.start() != null && date.isBefore(rep.start())) {
            return 0;
        }
        if (rep.start() == null || rampDays == 0) {
            return 1;
        }
        // working days from the start to this date, both counted (the start day is the first)
        int worked = calendar.workingDaysBetween(rep.start().minusDays(1), date);
        return Math.min(1, worked / (double) rampDays);
    }

    /** New deals a day on each working day of the horizon, the whole team's. */
    public double[] daily(WorkCalendar calendar) {
        List<LocalDate> days = calendar.workingDays();
        double[] rate = new double[days.size()];
        for (Rep r : reps) {
            double[] own = daily(r, calendar);
            for (int k = 0; k < rate.length; k++) {
                rate[k] += own[k];
            }
        }
        return rate;
    }

    /** New deals a day on each working day of the horizon from one rep (a planned hire, say). */
    public double[] daily(Rep rep, WorkCalendar calendar) {
        List<LocalDate> days = calendar.workingDays();
        double[] rate = new double[days.size()];
        for (int k = 0; k < rate.length; k++) {
            rate[k] = perRepPerDay * productivity(rep, days.get(k), calendar);
        }
        return rate;
    }
}
