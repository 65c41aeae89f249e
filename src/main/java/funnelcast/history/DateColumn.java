package funnelcast.history;

import funnelcast.InputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column of dates as CRMs export them, read with one rule for the whole column: ISO
 * ({@code 2026-03-02}, {@code 2026-03-02T14:30}, with a space, seconds or an offset),
 * {@code 2026/03/02}, {@code 3/2/2026} or {@code 2/3/2026} with an optional time
 * ({@code 2:30 PM}, {@code 14:30:05}), and {@code 2.3.2026} (day first). Whether a slashed date
 * puts the month or the day first is decided by the whole column: a first number above 12
 * means day first, a second above 12 month first; a column that never settles it is refused,
 * asking for {@code --date-format}. A trailing {@code UTC}, {@code GMT} or {@code Z} is dropped.
 */
final class DateColumn {
    private static final Pattern SLASHED = Pattern.compile(
        "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*([AaPp][Mm])?)?");
    private static final Pattern DOTTED = Pattern.compile(
        "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?");
    private static final Pattern YEAR_FIRST = Pattern.compile(
        "(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?");
    private static final Pattern ZONE = Pattern.compile("\\s*(UTC|GMT|Z)$");

    private final String file;
    private final String column;
    private final DateTimeFormatter format;
    /** For slashed dates: whether the month comes first (decided from the column). */
    private final boolean monthFirst;
    /** How the column is read, in words: the pattern given, or the shape its values showed. */
    private final String rule;

    private DateColumn(String file, String column, DateTimeFormatter format, boolean monthFirst, String rule) {
        this.file = file;
        this.column = column;
        this.format = format;
        this.monthFirst = monthFirst;
        this.rule = rule;
    }

    /** How the column is read: "--date-format d/M/yyyy", "month first (M/d/yyyy)", "ISO (yyyy-MM-dd)", ... */
    String rule() {
        return rule;
    }

    /** Refuses a {@code --date-format} that is no java.time pattern; null (none given) passes. */
    static void checkPattern(String dateFormat) {
        if (dateFormat != null) {
            pattern(dateFormat);
        }
    }

    private static DateTimeFormatter pattern(String dateFormat) {
        try {
            return DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InputException("--date-format: expected a date pattern such as d/M/yyyy or "
                + "M/d/yyyy h:mm a, got '" + dateFormat + "' (" + e.getMessage() + ")");
        }
    }

    /** The column's rule, from all its values (or from {@code --date-format}, a java.time pattern, when given). */
    static DateColumn of(String file, String column, List<String> values, String dateFormat) {
        Shape shape = new Shape();
        for (String v : values) {
            shape.see(v);
        }
        return shape.column(file, column, dateFormat);
    }

    /**
     * What a column's values have shown of their shape so far, value by value, so that a file
     * read as a stream keeps no values: slashed dates with a first or a second number above 12,
     * dotted and year-first dates.
     */
    static final class Shape {
        private boolean dayOverTwelve;
        private boolean monthOverTwelve;
        private boolean slashed;
        private boolean dotted;
        private boolean yearFirst;

        /**
         * Takes one value into account (blank values are none); whether it is an ISO date, which
         * reads the same whatever the column's other values show (only slashed dates wait for the
         * column to say which number is the month).
         */
        boolean see(String v) {
            if (v.isBlank()) {
                return false;
            }
            String stripped = strip(v);
            if (isoLike(stripped)) {
                return true;
            }
            Matcher m = SLASHED.matcher(stripped);
            if (m.matches()) {
                slashed = true;
                dayOverTwelve |= Integer.parseInt(m.group(1)) > 12;
                monthOverTwelve |= Integer.parseInt(m.group(2)) > 12;
            } else if (DOTTED.matcher(stripped).matches()) {
                dotted = true;
            } else if (YEAR_FIRST.matcher(stripped).matches()) {
                yearFirst = true;
            }
            return false;
        }

        /** The column's rule from the values seen (or from {@code --date-format} when given). */
        DateColumn column(String file, String column, String dateFormat) {
            if (dateFormat != null) {
                return new DateColumn(file, column, pattern(dateFormat), true, "--date-format " + dateFormat);
            }
            if (dayOverTwelve && monthOverTwelve) {
                throw new HistoryException(file, 1, column + ": its slashed dates put the day first in some rows and the "
                    + "month first in others; pass --date-format (e.g. d/M/yyyy)");
            }
            if (slashed && !dayOverTwelve && !monthOverTwelve) {
                throw new HistoryException(file, 1, column + ": its slashed dates never say whether the day or the month "
                    + "comes first (no number above 12); pass --date-format d/M/yyyy or M/d/yyyy");
            }
            String shape = "ISO (yyyy-MM-dd, with a time or not)";
            if (slashed) {
                shape = dayOverTwelve ? "day first (d/M/yyyy), settled by a first number above 12"
                    : "month first (M/d/yyyy), settled by a second number above 12";
            } else if (dotted) {
                shape = "day first (d.M.yyyy)";
            } else if (yearFirst) {
                shape = "year first (yyyy/M/d)";
            }
            return new DateColumn(file, column, null, !dayOverTwelve, shape);
        }
    }

    private static String strip(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return s;
        }
        char last = s.charAt(s.length() - 1);
        // only a value ending in UTC, GMT or Z carries a zone to drop: the others skip the pattern
        return last == 'C' || last == 'T' || last == 'Z' ? ZONE.matcher(s).replaceAll("") : s;
    }

    /** Whether the value starts as an ISO date does (yyyy-): then no slashed or dotted shape can match it. */
    private static boolean isoLike(String s) {
        return s.length() >= 5 && s.charAt(4) == '-';
    }

    /** Whether the value carries no time of day (so it is known only to the day). */
    boolean dateOnly(String text) {
        String s = strip(text);
        if (format != null) {
            try {
                LocalDate.parse(s, format);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return s.length() == 10 || (!s.contains(":") && !s.contains("T"));
    }

    LocalDateTime parse(long line, String text) {
        String s = strip(text);
        try {
            if (format != null) {
                try {
                    return LocalDateTime.parse(s, format);
                } catch (DateTimeParseException e) {
                    return LocalDate.parse(s, format).atStartOfDay();
                }
            }
            Matcher m = isoLike(s) ? null : SLASHED.matcher(s);
            if (m == null) {
                return iso(s);
            }
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                return at(LocalDate.of(Integer.parseInt(m.group(3)), monthFirst ? a : b, monthFirst ? b : a), m);
            }
            m = DOTTED.matcher(s);
            if (m.matches()) {
                return at(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))), m);
            }
            m = YEAR_FIRST.matcher(s);
            if (m.matches()) {
                return at(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))), m);
            }
            return iso(s);
        } catch (DateTimeException e) {
            throw new HistoryException(file, line, column + ": expected a date such as 2026-03-02, 2026-03-02T14:30, "
                + "3/2/2026 2:30 PM or 2.3.2026" + (format != null ? " in the --date-format given" : "") + ", got '"
                + text + "'");
        }
    }

    /** An ISO date, date-time (a space or T between) or offset date-time. */
    private static LocalDateTime iso(String s) {
        LocalDateTime fast = isoMinutesOrSeconds(s);
        if (fast != null) {
            return fast;
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay();
        }
        String iso = s.replace(' ', 'T');
        try {
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(iso).toLocalDateTime();
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss} (a space for the T) read digit by
     * digit, what a million-row export spends most of its reading on; null for anything else or
     * any impossible value, which the parser then reads or refuses with its own message.
     */
    private static LocalDateTime isoMinutesOrSeconds(String s) {
        long second = isoSeconds(s);
        return second == UNREAD ? null : LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
    }

    /** No such time: {@link #isoSeconds} could not read the text. */
    static final long UNREAD = Long.MIN_VALUE;

    /**
     * The seconds ({@link History.Event#second}) of a {@code yyyy-MM-ddTHH:mm[:ss]} text (a space
     * for the T), worked out from its digits without making a date: what a million-row export's
     * reading spends least on this way. {@link #UNREAD} for any other text or any impossible
     * value, which {@link #parse} then reads or refuses with its message.
     */
    static long isoSeconds(String s) {
        int n = s.length();
        if ((n != 16 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
            || s.charAt(13) != ':' || (n == 19 && s.charAt(16) != ':')) {
            return UNREAD;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = n == 19 ? digits(s, 17, 2) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return UNREAD;
        }
        // LocalDate.toEpochDay's arithmetic, for a year from 0 on
        long days = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400 + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            days -= Year.isLeap(year) ? 1 : 2;
        }
        return (days - DAYS_0000_TO_1970) * History.SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    }

    /** Days from 0000-01-01 to 1970-01-01, as java.time counts them. */
    private static final long DAYS_0000_TO_1970 = 719_528;

    /** The number written by {@code count} ASCII digits from {@code at}, or -1. */
    private static int digits(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = 10 * v + (c - '0');
        }
        return v;
    }

    /** The date at the time in groups 4-7 of a match (hour, minute, second, AM/PM), or at its start. */
    private static LocalDateTime at(LocalDate date, Matcher m) {
        if (m.group(4) == null) {
            return date.atStartOfDay();
        }
        int hour = Integer.parseInt(m.group(4));
        String half = m.groupCount() >= 7 ? m.group(7) : null;
        if (half != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("hour " + hour + " with " + half);
            }
            hour = hour % 12 + (half.equalsIgnoreCase("PM") ? 12 : 0);
        }
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        return date.atTime(LocalTime.of(hour, Integer.parseInt(m.group(5)), second));
    }
}
