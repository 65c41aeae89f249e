package funnelcast.history;

import funnelcast.model.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Working time: a timestamp's position in working days since an epoch. On a working day the
 * time of day counts as a fraction of the day; a non-working day is a single instant (the start
 * of the next working day), so no deal ages over a weekend or a holiday. Working days follow the
 * scenario calendar's one rule ({@link WorkCalendar#isWorkingDay}), make-up working days included.
 */
public final class WorkClock {
    private final Set<DayOfWeek> weekdays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final LocalDate epoch;
    private final long epochDay;
    private final int[] before;

    /** A clock for dates in {@code [from, to]}, without make-up working days; others are refused. */
    public WorkClock(Set<DayOfWeek> weekdays, Set<LocalDate> holidays, LocalDate from, LocalDate to) {
        this(weekdays, holidays, Set.of(), from, to);
    }

    /** The same with make-up working days ({@code workdays}: a Saturday worked for a holiday), as a scenario's calendar has. */
    public WorkClock(Set<DayOfWeek> weekdays, Set<LocalDate> holidays, Set<LocalDate> workdays, LocalDate from,
                     LocalDate to) {
        this.weekdays = Set.copyOf(weekdays);
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        this.epoch = from.minusDays(1);
        this.epochDay = epoch.toEpochDay();
        int n = (int) ChronoUnit.DAYS.between(epoch, to.plusDays(2)) + 1;
        before = new int[n];
        for (int i = 1; i < n; i++) {
            LocalDate d = epoch.plusDays(i - 1);
            before[i] = before[i - 1] + (isWorkingDay(d) ? 1 : 0);
        }
    }

    /**
     * A calibration's clock on these working days: from the history's first day to the later of
     * its last and the horizon's end, 400 days more each side.
     */
    public static WorkClock spanning(History h, LocalDate horizonEnd, Set<DayOfWeek> weekdays, Set<LocalDate> holidays,
                                     Set<LocalDate> workdays) {
        LocalDate lastEvent = h.last().toLocalDate(); // a walk through every deal: asked once
        LocalDate last = lastEvent.isAfter(horizonEnd) ? lastEvent : horizonEnd;
        return new WorkClock(weekdays, holidays, workdays, h.first().toLocalDate().minusDays(400), last.plusDays(400));
    }

    public boolean isWorkingDay(LocalDate d) {
        return WorkCalendar.isWorkingDay(d, weekdays, holidays, workdays);
    }

    private int index(LocalDate d) {
        long i = ChronoUnit.DAYS.between(epoch, d);
        if (i < 0 || i >= before.length) {
            throw new IllegalArgumentException("date " + d + " is outside the clock's range");
        }
        return (int) i;
    }

    /** Working days before {@code date} (since the epoch). */
    public double at(LocalDate date) {
        return before[index(date)];
    }

    /** The working-time position of a timestamp. */
    public double at(LocalDateTime t) {
        return at(t.toEpochSecond(ZoneOffset.UTC));
    }

    /**
     * The working-time position of a date and time given as seconds ({@link History.Event#second}):
     * the working days before its date, and on a working day its time of day as a fraction.
     */
    public double at(long second) {
        long day = Math.floorDiv(second, History.SECONDS_PER_DAY);
        long i = day - epochDay;
        if (i < 0 || i >= before.length) {
            throw new IllegalArgumentException("date " + LocalDate.ofEpochDay(day) + " is outside the clock's range");
        }
        int start = before[(int) i];
        // a working day is one the count of working days before steps over (the last day counted is asked)
        boolean working = i + 1 < before.length ? before[(int) i + 1] > start : isWorkingDay(LocalDate.ofEpochDay(day));
        return working ? start + Math.floorMod(second, History.SECONDS_PER_DAY) / (double) History.SECONDS_PER_DAY : start;
    }

    /** The end of the given day, in working time. */
    public double endOf(LocalDate date) {
        return at(date.plusDays(1));
    }

    /** The date and time at a working-time position (the inverse of {@link #at(LocalDateTime)} on working days). */
    public LocalDateTime dateTime(double t) {
        int whole = (int) Math.floor(t);
        // the working day with `whole` working days before it
        int lo = 0;
        int hi = before.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before[mid] < whole) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        LocalDate d = epoch.plusDays(lo);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        long seconds = Math.round((t - whole) * History.SECONDS_PER_DAY);
        if (seconds >= History.SECONDS_PER_DAY) {
            seconds = History.SECONDS_PER_DAY - 1;
        }
        return d.atStartOfDay().plusSeconds(seconds);
    }

    public Set<DayOfWeek> weekdays() {
        return weekdays;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> workdays() {
        return workdays;
    }
}
