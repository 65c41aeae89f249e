package funnelcast.history;

import funnelcast.model.Exit;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A CRM event log, per deal, in time order: the stages it entered and when. {@code notes}
 * says what the reader had to decide (rows skipped for a reason, dates moved), so nothing is lost silently.
 * {@code ruledLostWins} are the dates of wins that a reading rule ({@code --lost-after}) turned
 * into earlier losses for calibration: they still count as the wins of their month in a backtest.
 * {@code reading} says how the file was read ({@link Reading}).
 */
public record History(String source, List<Deal> deals, List<String> notes, List<LocalDateTime> ruledLostWins,
                      Reading reading) implements Serializable {
    private static final long serialVersionUID = 1L;

    public History {
        deals = List.copyOf(deals);
        notes = List.copyOf(notes);
        ruledLostWins = List.copyOf(ruledLostWins);
    }

    /** A history in which every recorded win is a won event. */
    public History(String source, List<Deal> deals, List<String> notes) {
        this(source, deals, notes, List.of(), Reading.NONE);
    }

    /**
     * One stage entry, with the line of the file it came from (for messages); {@code dayOnly}
     * when its time is known only to the day. Its time is kept as the seconds and nanoseconds
     * of the date and time written (no zone: {@link #at()} gives them back), a few bytes where a
     * {@link LocalDateTime} holds three objects: a million-event history stays small enough to
     * fit beside its fits.
     */
    public record Event(String stage, long second, int nano, long line, boolean dayOnly) implements Serializable {
        private static final long serialVersionUID = 2L;

        public Event(String stage, LocalDateTime at, long line, boolean dayOnly) {
            this(stage, at.toEpochSecond(ZoneOffset.UTC), at.getNano(), line, dayOnly);
        }

        /** The date and time the file gave. */
        public LocalDateTime at() {
            return LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC);
        }

        /** The date, as a day count ({@link LocalDate#toEpochDay}). */
        public long day() {
            return Math.floorDiv(second, SECONDS_PER_DAY);
        }

        /** The date. */
        public LocalDate date() {
            return LocalDate.ofEpochDay(day());
        }

        /** Earlier than {@code other}. */
        public boolean isBefore(Event other) {
            return second < other.second || (second == other.second && nano < other.nano);
        }

        /** At the same time as {@code other}. */
        public boolean sameTime(Event other) {
            return second == other.second && nano == other.nano;
        }
    }

    static final long SECONDS_PER_DAY = 86_400;

    /** A deal: its id, rep, value, the name a person knows it by (or null), and its events in time order. */
    public record Deal(String id, String rep, Double value, List<Event> events, String name) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Deal {
            // a reader's columns are unmodifiable already: kept as they are, not copied into a million records
            events = events instanceof EventColumns.Slice ? events : List.copyOf(events);
        }

        /** A deal without a name. */
        public Deal(String id, String rep, Double value, List<Event> events) {
            this(id, rep, value, events, null);
        }

        public boolean isTerminal(Event e) {
            return e.stage().equals(Exit.WON) || e.stage().equals(Exit.LOST);
        }
    }

    public LocalDateTime first() {
        return end(true);
    }

    public LocalDateTime last() {
        return end(false);
    }

    /**
     * The earliest first event or the latest last one, read from a deal's columns where it has
     * them: a walk through every deal, no event made for each.
     */
    private LocalDateTime end(boolean first) {
        if (deals.isEmpty()) {
            throw new NoSuchElementException("no deal");
        }
        long bestSecond = first ? Long.MAX_VALUE : Long.MIN_VALUE; // every deal's time comes before (after) it
        int bestNano = first ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (Deal d : deals) {
            List<Event> events = d.events();
            int at = first ? 0 : events.size() - 1;
            long second;
            int nano;
            if (events instanceof EventColumns.Slice slice) {
                second = slice.second(at);
                nano = slice.nano(at);
            } else {
                Event e = events.get(at);
                second = e.second();
                nano = e.nano();
            }
            if (first ? second < bestSecond || second == bestSecond && nano < bestNano
                : second > bestSecond || second == bestSecond && nano > bestNano) {
                bestSecond = second;
                bestNano = nano;
            }
        }
        return LocalDateTime.ofEpochSecond(bestSecond, bestNano, ZoneOffset.UTC);
    }

    /**
     * Events kept as columns (stage, seconds, nanoseconds, line, known only to the day), each deal's
     * a {@link Slice} of them: a million-event history is five arrays, not a million objects, and its
     * events are made one at a time as a reader asks for them.
     */
    static final class EventColumns implements Serializable {
        private static final long serialVersionUID = 1L;

        private String[] stage;
        private long[] second;
        private int[] nano;
        private long[] line;
        private boolean[] dayOnly;
        private int size;

        EventColumns(int capacity) {
            int c = Math.max(16, capacity);
            stage = new String[c];
            second = new long[c];
            nano = new int[c];
            line = new long[c];
            dayOnly = new boolean[c];
        }

        /** Adds an event; its index. */
        int add(String stageId, long at, int nanos, long lineNumber, boolean day) {
            if (size == stage.length) {
                int c = 2 * size;
                stage = Arrays.copyOf(stage, c);
                second = Arrays.copyOf(second, c);
                nano = Arrays.copyOf(nano, c);
                line = Arrays.copyOf(line, c);
                dayOnly = Arrays.copyOf(dayOnly, c);
            }
            stage[size] = stageId;
            second[size] = at;
            nano[size] = nanos;
            line[size] = lineNumber;
            dayOnly[size] = day;
            return size++;
        }

        /** Adds an event as it is. */
        int add(Event e) {
            return add(e.stage(), e.second(), e.nano(), e.line(), e.dayOnly());
        }

        /** Sets the time of event {@code i} (a date read once its column was settled). */
        void setTime(int i, long at, int nanos, boolean day) {
            second[i] = at;
            nano[i] = nanos;
            dayOnly[i] = day;
        }

        /** Adds event {@code i} of {@code other} as it is. */
        void add(EventColumns other, int i) {
            add(other.stage[i], other.second[i], other.nano[i], other.line[i], other.dayOnly[i]);
        }

        Event event(int i) {
            return new Event(stage[i], second[i], nano[i], line[i], dayOnly[i]);
        }

        String stage(int i) {
            return stage[i];
        }

        /** Whether events {@code i} and {@code j} are at the same time. */
        boolean sameTime(int i, int j) {
            return second[i] == second[j] && nano[i] == nano[j];
        }

        /** Events {@code i} and {@code j} in time, then in the file's order. */
        int compareTimes(int i, int j) {
            int c = Long.compare(second[i], second[j]);
            if (c == 0) {
                c = Integer.compare(nano[i], nano[j]);
            }
            return c != 0 ? c : Long.compare(line[i], line[j]);
        }

        int size() {
            return size;
        }

        /** Events {@code [from, to)} as an unmodifiable list. */
        List<Event> slice(int from, int to) {
            return new Slice(this, from, to - from);
        }

        /** A run of events, read as records one at a time; unmodifiable. */
        static final class Slice extends AbstractList<Event> implements RandomAccess, Serializable {
            private static final long serialVersionUID = 1L;

            private final EventColumns columns;
            private final int from;
            private final int size;

            Slice(EventColumns columns, int from, int size) {
                this.columns = columns;
                this.from = from;
                this.size = size;
            }

            @Override
            public Event get(int i) {
                Objects.checkIndex(i, size);
                return columns.event(from + i);
            }

            @Override
            public int size() {
                return size;
            }

            long second(int i) {
                Objects.checkIndex(i, size);
                return columns.second[from + i];
            }

            int nano(int i) {
                Objects.checkIndex(i, size);
                return columns.nano[from + i];
            }
        }
    }
}
