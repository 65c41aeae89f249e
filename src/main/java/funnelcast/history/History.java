package funnelcast.history;

import funnelcast.model.Exit;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

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
     * when its time is known only to the day.
     */
    public record Event(String stage, LocalDateTime at, long line, boolean dayOnly) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A deal: its id, rep, value, the name a person knows it by (or null), and its events in time order. */
    public record Deal(String id, String rep, Double value, List<Event> events, String name) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Deal {
            events = List.copyOf(events);
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
        return deals.stream().map(d -> d.events().get(0).at()).min(LocalDateTime::compareTo).orElseThrow();
    }

    public LocalDateTime last() {
        return deals.stream().map(d -> d.events().get(d.events().size() - 1).at()).max(LocalDateTime::compareTo)
            .orElseThrow();
    }
}
