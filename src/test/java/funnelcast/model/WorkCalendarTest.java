package funnelcast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {
    private static WorkCalendar december(String... holidays) {
        TreeSet<LocalDate> h = new TreeSet<>();
        for (String d : holidays) {
            h.add(LocalDate.parse(d));
        }
        return new WorkCalendar(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"),
            WorkCalendar.MONDAY_TO_FRIDAY, h);
    }

    @Test
    void decemberHas23WeekdaysAnd22WithChristmas() {
        assertEquals(23, december().horizonDays());
        assertEquals(22, december("2026-12-25", "2026-12-26", "2027-01-01").horizonDays());
    }

    @Test
    void dayIndexToDateAndBack() {
        WorkCalendar c = december("2026-12-25");
        assertEquals(LocalDate.parse("2026-12-01"), c.date(1));
        assertEquals(LocalDate.parse("2026-12-04"), c.date(4));
        assertEquals(LocalDate.parse("2026-12-07"), c.date(5)); // over the weekend
        assertEquals(LocalDate.parse("2026-12-28"), c.date(19)); // over Christmas
        assertEquals(LocalDate.parse("2026-12-31"), c.date(22));
        for (int k = 1; k <= c.horizonDays(); k++) {
            assertEquals(k, c.dayOf(c.date(k)));
        }
        assertEquals(5, c.dayOf(LocalDate.parse("2026-12-05")), "a Saturday maps to the next working day");
        assertEquals(0, c.dayOf(LocalDate.parse("2026-11-30")));
        assertEquals(23, c.dayOf(LocalDate.parse("2027-01-04")));
        assertThrows(IndexOutOfBoundsException.class, () -> c.date(23));
    }

    @Test
    void workingDaysBetweenCountsTheWorkingDaysAfterTheFirstDate() {
        WorkCalendar c = december("2026-12-25");
        assertEquals(0, c.workingDaysBetween(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-06")));
        assertEquals(1, c.workingDaysBetween(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-07")));
        assertEquals(2, c.workingDaysBetween(LocalDate.parse("2026-12-23"), LocalDate.parse("2026-12-28")));
    }

    @Test
    void sixDayWeeks() {
        WorkCalendar c = new WorkCalendar(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-07"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), new TreeSet<>());
        assertEquals(6, c.horizonDays());
    }

    @Test
    void anEmptyHorizonIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new WorkCalendar(
            LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-06"), WorkCalendar.MONDAY_TO_FRIDAY,
            new TreeSet<>()));
        assertEquals("calendar", e.path());
        assertThrows(ScenarioException.class, () -> new WorkCalendar(LocalDate.parse("2026-12-05"),
            LocalDate.parse("2026-12-01"), WorkCalendar.MONDAY_TO_FRIDAY, new TreeSet<>()));
    }

    /** February 2027: Spring Festival 2027-02-08..12 off (5 weekdays), made up on Saturday 2027-02-20: 20 - 5 + 1. */
    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        TreeSet<LocalDate> off = new TreeSet<>();
        for (int d = 8; d <= 12; d++) {
            off.add(LocalDate.of(2027, 2, d));
        }
        TreeSet<LocalDate> worked = new TreeSet<>(List.of(LocalDate.parse("2027-02-20")));
        WorkCalendar c = new WorkCalendar(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-28"),
            WorkCalendar.MONDAY_TO_FRIDAY, off, worked);
        assertEquals(16, c.horizonDays());
        assertEquals(LocalDate.parse("2027-02-20"), c.date(c.dayOf(LocalDate.parse("2027-02-20"))));
        assertEquals(LocalDate.parse("2027-02-22"), c.date(c.dayOf(LocalDate.parse("2027-02-20")) + 1));
        assertEquals(true, c.isWorkingDay(LocalDate.parse("2027-02-20")));
        assertEquals(false, c.isWorkingDay(LocalDate.parse("2027-02-21")));
    }
}
