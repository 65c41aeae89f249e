package funnelcast.calibrate;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A CRM event log, per deal, in time order: the stages it entered and when. {@code notes}
 * says what the reader had to decide (rows skipped for a reason, dates moved), so nothing is lost silently.
 */
public record History(String source, List<Deal> deals, List<String> notes) {
    public History {
        deals = List.copyOf(deals);
        notes = List.copyOf(notes);
    }

    /**
     * One stage entry, with the line of the file it came from (for messages); {@code dayOnly}
     * when its time is known only to the day.
     */
    public record Event(String stage, LocalDateTime at, long line, boolean dayOnly) {
    }

    public record Deal(String id, String rep, Double value, List<Event> events) {
        public Deal {
            events = List.copyOf(events);
        }

        public boolean isTerminal(Event e) {
            return e.stage().equals("won") || e.stage().equals("lost");
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
