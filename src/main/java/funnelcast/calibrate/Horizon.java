package funnelcast.calibrate;

import funnelcast.InputException;
import funnelcast.history.WorkClock;
import funnelcast.model.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

/**
 * The horizon a calibrated scenario forecasts, and why: the rest of the as-of date's month by
 * default, or the next month where the rest of it holds no working day (an as-of date on a
 * month's last working day); or the dates given. It is settled from the calendar alone, before
 * any history is read, so a horizon with no working day is refused at once.
 */
public record Horizon(LocalDate start, LocalDate end, int workingDays, String why) {

    /** The default horizon after {@code asOf}, on these working days. */
    public static Horizon after(LocalDate asOf, Set<DayOfWeek> weekdays, Set<LocalDate> holidays,
                                Set<LocalDate> workdays) {
        LocalDate start = asOf.plusDays(1);
        LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
        int days = count(start, end, weekdays, holidays, workdays);
        if (days > 0) {
            return new Horizon(start, end, days, start.getDayOfMonth() == 1
                ? "the month after the as-of date" : "the rest of the as-of date's month");
        }
        YearMonth next = YearMonth.from(start).plusMonths(1);
        LocalDate from = next.atDay(1);
        LocalDate to = next.atEndOfMonth();
        int nextDays = count(from, to, weekdays, holidays, workdays);
        if (nextDays == 0) {
            throw new InputException("neither the rest of " + month(YearMonth.from(start)) + " nor " + month(next)
                + " holds a working day on --weekdays, --holidays and --workdays; check them, or give --horizon-start and --horizon-end");
        }
        return new Horizon(from, to, nextDays, "the rest of " + month(YearMonth.from(start))
            + " after the as-of date holds no working day, so the next month");
    }

    /** The default horizon after {@code asOf}, on a history's working days. */
    public static Horizon after(LocalDate asOf, WorkClock clock) {
        return after(asOf, clock.weekdays(), clock.holidays(), clock.workdays());
    }

    /** A horizon given by {@code --horizon-start} and {@code --horizon-end}: refused when it holds no working day. */
    public static Horizon given(LocalDate start, LocalDate end, Set<DayOfWeek> weekdays, Set<LocalDate> holidays,
                                Set<LocalDate> workdays) {
        if (end.isBefore(start)) {
            throw new InputException("--horizon-end " + end + " is before --horizon-start " + start);
        }
        if (end.isAfter(start.plusDays(WorkCalendar.MAX_SPAN_DAYS - 1))) {
            throw new InputException("--horizon-start .. --horizon-end: expected at most " + WorkCalendar.MAX_SPAN_DAYS
                + " days, got " + start + " .. " + end);
        }
        int days = count(start, end, weekdays, holidays, workdays);
        if (days == 0) {
            throw new InputException("--horizon-start .. --horizon-end: the horizon " + start + " .. " + end
                + " holds no working day on --weekdays, --holidays and --workdays");
        }
        return new Horizon(start, end, days, "as given");
    }

    private static int count(LocalDate start, LocalDate end, Set<DayOfWeek> weekdays, Set<LocalDate> holidays,
                             Set<LocalDate> workdays) {
        return WorkCalendar.workingDays(start, end, weekdays, holidays, workdays).size();
    }

    private static String month(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
    }
}
