package funnelcast.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates as CRMs write them, and numbers with currency and thousands. */
class DateColumnTest {
    static DateColumn column(String... values) {
        return DateColumn.of("f.csv", "Close Date", List.of(values), null);
    }

    @Test
    void everyFormatReadsToTheSameInstant() {
        LocalDateTime t = LocalDateTime.parse("2026-03-14T14:30");
        assertEquals(t, column("2026-03-14T14:30").parse(2, "2026-03-14T14:30"));
        assertEquals(t, column("2026-03-14 14:30:00").parse(2, "2026-03-14 14:30:00"));
        assertEquals(t, column("2026-03-14T14:30:00+08:00").parse(2, "2026-03-14T14:30:00+08:00"));
        assertEquals(t, column("2026/03/14 14:30").parse(2, "2026/03/14 14:30"));
        assertEquals(t, column("3/14/2026 2:30 PM").parse(2, "3/14/2026 2:30 PM"));
        assertEquals(t, column("14/3/2026 14:30:00").parse(2, "14/3/2026 14:30:00"));
        assertEquals(t, column("14.3.2026 14:30").parse(2, "14.3.2026 14:30"));
        assertEquals(t, column("2026-03-14 14:30 UTC").parse(2, "2026-03-14 14:30 UTC"));
        assertEquals(LocalDateTime.parse("2026-03-14T00:30"), column("3/14/2026 12:30 AM").parse(2, "3/14/2026 12:30 AM"));
        assertTrue(column("3/14/2026").dateOnly("3/14/2026"));
        assertFalse(column("3/14/2026 2:30 PM").dateOnly("3/14/2026 2:30 PM"));
        assertTrue(column("2026-03-14").dateOnly("2026-03-14"));
    }

    /**
     * The digit-by-digit reading of ISO date-times (a large export's common case) reads what
     * java.time reads and refuses what it refuses: impossible days, hours and seconds, and
     * malformed text, with the line and the column.
     */
    @Test
    void isoDateTimesReadDigitByDigitAsJavaTimeReadsThem() {
        DateColumn iso = column("2026-03-14T14:30");
        for (String ok : List.of("2026-03-14T14:30", "2026-03-14 14:30", "2026-03-14T14:30:59", "2024-02-29T00:00",
            "2026-12-31 23:59:59", "2026-03-14T14:30:00.250")) {
            assertEquals(LocalDateTime.parse(ok.replace(' ', 'T')), iso.parse(2, ok), ok);
        }
        for (String bad : List.of("2026-02-29T10:00", "2026-13-01T10:00", "2026-03-14T24:00", "2026-03-14T14:60",
            "2026-03-14T14:30:60", "2026-03-1xT14:30", "2026-03-14X14:30")) {
            HistoryException e = assertThrows(HistoryException.class, () -> iso.parse(9, bad), bad);
            assertTrue(e.getMessage().contains("line 9") && e.getMessage().contains("Close Date"), e.getMessage());
        }
    }

    /**
     * The seconds worked out from an ISO date-time's digits are java.time's, over every day of
     * two centuries (leap days and the years 1900, 2000 and 2100 among them) at times from midnight to the last
     * second; a text java.time refuses, or one with a zone or fraction, is left to the parser.
     */
    @Test
    void isoSecondsAreJavaTimesSeconds() {
        for (LocalDate d = LocalDate.parse("1899-12-25"); d.isBefore(LocalDate.parse("2101-01-08")); d = d.plusDays(1)) {
            LocalDateTime t = d.atTime((int) (d.toEpochDay() & 15) + 8, (int) (d.toEpochDay() % 60 + 60) % 60,
                (int) (d.toEpochDay() % 59 + 59) % 59);
            assertEquals(t.toEpochSecond(ZoneOffset.UTC), DateColumn.isoSeconds(t.toString().length() == 16 ? t.toString()
                : t.toString().replace('T', ' ')), t.toString());
        }
        assertEquals(LocalDateTime.parse("2026-03-14T14:30").toEpochSecond(ZoneOffset.UTC), DateColumn.isoSeconds("2026-03-14T14:30"));
        assertEquals(LocalDateTime.parse("2026-12-31T23:59:59").toEpochSecond(ZoneOffset.UTC),
            DateColumn.isoSeconds("2026-12-31 23:59:59"));
        for (String other : List.of("2026-02-29T10:00", "1900-02-29T10:00", "2026-13-01T10:00", "2026-00-01T10:00",
            "2026-03-00T10:00", "2026-04-31T10:00", "2026-03-14T24:00", "2026-03-14T14:60", "2026-03-14T14:30:60",
            "2026-03-1xT14:30", "2026-03-14X14:30", "2026-03-14T14:30:00.250", "2026-03-14T14:30Z", "2026-03-14")) {
            assertEquals(DateColumn.UNREAD, DateColumn.isoSeconds(other), other);
        }
        assertEquals(LocalDateTime.parse("2000-02-29T10:00").toEpochSecond(ZoneOffset.UTC), DateColumn.isoSeconds("2000-02-29T10:00"));
    }

    /** The whole column decides: 3/4/2026 is April 3rd beside 14/3/2026, and March 4th beside 3/14/2026. */
    @Test
    void theColumnSettlesTheOrderOfDayAndMonth() {
        assertEquals(LocalDateTime.parse("2026-04-03T00:00"), column("3/4/2026", "14/3/2026").parse(2, "3/4/2026"));
        assertEquals(LocalDateTime.parse("2026-03-04T00:00"), column("3/4/2026", "3/14/2026").parse(2, "3/4/2026"));
        HistoryException ambiguous = assertThrows(HistoryException.class, () -> column("3/4/2026", "5/6/2026"));
        assertTrue(ambiguous.getMessage().contains("Close Date") && ambiguous.getMessage().contains("--date-format"),
            ambiguous.getMessage());
        DateColumn given = DateColumn.of("f.csv", "Close Date", List.of("3/4/2026"), "d/M/yyyy");
        assertEquals(LocalDateTime.parse("2026-04-03T00:00"), given.parse(2, "3/4/2026"));
        HistoryException bad = assertThrows(HistoryException.class, () -> column("2026-03-14").parse(7, "next week"));
        assertTrue(bad.getMessage().contains("line 7") && bad.getMessage().contains("Close Date"), bad.getMessage());
    }

    @Test
    void amountsMayCarryCurrencyAndThousands() throws Exception {
        Csv csv = new Csv("f.csv", List.of("Amount"), List.of(), null, new HashMap<>(), List.of(), List.of());
        Csv.Row row = new Csv.Row(3, new String[] {""});
        assertEquals(15600.0, csv.number(row, "Amount", "$15,600.00"));
        assertEquals(11800.0, csv.number(row, "Amount", "¥11,800"));
        assertEquals(2500.5, csv.number(row, "Amount", "2500.50 USD"));
        assertEquals(900.0, csv.number(row, "Amount", "CNY 900"));
        assertEquals(null, csv.number(row, "Amount", "  "));
        HistoryException bad = assertThrows(HistoryException.class, () -> csv.number(row, "Amount", "1,2,3"));
        assertTrue(bad.getMessage().contains("line 3") && bad.getMessage().contains("Amount"), bad.getMessage());
    }
}
