package funnelcast.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The working days of the horizon: {@code start..end} inclusive, on the working weekdays, less
 * the holidays, plus the make-up working days ({@code workdays}: a Saturday worked to make up for
 * a holiday, 调休). Day {@code k} (1-based) is the k-th working day; it ends at model time {@code k}.
 */
public record WorkCalendar(LocalDate start, LocalDate end, Set<DayOfWeek> weekdays, SortedSet<LocalDate> holidays,
                           SortedSet<LocalDate> workdays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Collections.unmodifiableSet(
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** Ten years of calendar days: far beyond any sales period, and bounded work for every method. */
    public static final long MAX_SPAN_DAYS = 3660;

    /** A calendar without make-up working days. */
    public WorkCalendar(LocalDate start, LocalDate end, Set<DayOfWeek> weekdays, SortedSet<LocalDate> holidays) {
        this(start, end, weekdays, holidays, new TreeSet<>());
    }

    public WorkCalendar {
        weekdays = Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        workdays = Collections.unmodifiableSortedSet(new TreeSet<>(workdays));
        if (end.isBefore(start)) {
            throw new ScenarioException("calendar.end",
                "expected a date on or after calendar.start (" + start + "), got " + end);
        }
        long span = ChronoUnit.DAYS.between(start, end) + 1;
        if (span > MAX_SPAN_DAYS) {
            throw new ScenarioException("calendar.end", "expected a horizon of at most " + MAX_SPAN_DAYS
                + " days (10 years), got " + span + " days from " + start + " to " + end);
        }
        if (workingDays(start, end, weekdays, holidays, workdays).isEmpty()) {
            throw new ScenarioException("calendar",
                "the horizon " + start + ".." + end + " holds no working day (check weekdays and holidays)");
        }
    }

    /** The working dates of {@code start..end} by the one rule, in order (none is an empty list, not an error). */
    public static List<LocalDate> workingDays(LocalDate start, LocalDate end, Set<DayOfWeek> weekdays,
                                              Set<LocalDate> holidays, Set<LocalDate> workdays) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d, weekdays, holidays, workdays)) {
                days.add(d);
            }
        }
        return days;
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, weekdays, holidays, workdays);
    }

    /**
     * The one rule for a working day, for the horizon's calendar and a history's clock alike: a
     * working weekday that is no holiday, or a make-up working day.
     */
    public static boolean isWorkingDay(LocalDate date, Set<DayOfWeek> weekdays, Set<LocalDate> holidays,
                                       Set<LocalDate> workdays) {
        return weekdays.contains(date.getDayOfWeek()) && !holidays.contains(date) || workdays.contains(date);
    }

    /** A weekday as a scenario writes it: MON, TUE, WED, THU, FRI, SAT, SUN. */
    public static String code(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
    }

    /** The weekday a scenario's code names, case aside; null for none. */
    public static DayOfWeek weekday(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (code(d).equalsIgnoreCase(code)) {
                return d;
            }
        }
        return null;
    }

    /** The working dates of the horizon, in order. */
    public List<LocalDate> workingDays() {
        return Collections.unmodifiableList(workingDays(start, end, weekdays, holidays, workdays));
    }

    /** T, the number of working days in the horizon. */
    public int horizonDays() {
        return workingDays().size();
    }

    /**
     * The working days of the calendar month that holds the horizon, by the same rule (weekdays,
     * holidays, make-up days), when the horizon lies inside one month; otherwise the horizon's
     * own. A month's task is what the standing daily numbers are for: a horizon that starts in the
     * middle of the month keeps the month's pace, not the rest of the task over the days left.
     */
    public int monthDays() {
        YearMonth month = YearMonth.from(start);
        if (!YearMonth.from(end).equals(month)) {
            return horizonDays();
        }
        return workingDays(month.atDay(1), month.atEndOfMonth(), weekdays, holidays, workdays).size();
    }

    /** The date of working day {@code k}, 1-based. */
    public LocalDate date(int day) {
        List<LocalDate> days = workingDays();
        if (day < 1 || day > days.size()) {
            throw new IndexOutOfBoundsException("day " + day + " is outside 1.." + days.size());
        }
        return days.get(day - 1);
    }

    /**
     * The working day that holds {@code date} (1-based); a non-working date maps to the next
     * working day; 0 before the horizon, T + 1 after it.
     */
    public int dayOf(LocalDate date) {
        if (date.isBefore(start)) {
            return 0;
        }
        int k = Collections.binarySearch(workingDays(), date);
        return k >= 0 ? k + 1 : -k; // -k - 1 is the insertion point: the next working day, 0-based
    }

    /**
     * Working days from {@code from} up to {@code to}: the working days in {@code (from, to]}.
     * How the age of a deal is counted from CRM dates, before or inside the horizon.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
