package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.history.WorkClock;
import funnelcast.model.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The working calendar of a CRM history: weekdays and holidays. */
final class CalendarOptions {
    @Option(names = "--weekdays", split = ",", paramLabel = "DAY",
        description = "Working weekdays, e.g. MON,TUE,WED,THU,FRI (the default).")
    List<String> weekdays;

    @Option(names = "--holidays", split = ",", paramLabel = "DATE", description = "Holidays, ISO dates, comma-separated.")
    List<String> holidays;

    @Option(names = "--workdays", split = ",", paramLabel = "DATE", description = "Make-up working days on days "
        + "otherwise off (a Saturday worked for a holiday), ISO dates, comma-separated.")
    List<String> workdays;

    Set<DayOfWeek> weekdaySet() {
        if (weekdays == null || weekdays.isEmpty()) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String w : weekdays) {
            DayOfWeek found = WorkCalendar.weekday(w.trim());
            if (found == null) {
                throw new InputException("--weekdays: expected MON, TUE, WED, THU, FRI, SAT or SUN, got '" + w + "'");
            }
            set.add(found);
        }
        return set;
    }

    Set<LocalDate> holidaySet() {
        return dates("--holidays", holidays);
    }

    Set<LocalDate> workdaySet() {
        return dates("--workdays", workdays);
    }

    private static Set<LocalDate> dates(String option, List<String> texts) {
        Set<LocalDate> set = new HashSet<>();
        if (texts != null) {
            for (String h : texts) {
                try {
                    set.add(LocalDate.parse(h.trim()));
                } catch (DateTimeParseException e) {
                    throw new InputException(option + ": expected ISO dates (2026-12-25), got '" + h + "'");
                }
            }
        }
        return set;
    }

    WorkClock clock(LocalDate from, LocalDate to) {
        return new WorkClock(weekdaySet(), holidaySet(), workdaySet(), from.minusDays(400), to.plusDays(400));
    }

    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(option + ": expected an ISO date (YYYY-MM-DD), got '" + text + "'");
        }
    }
}
