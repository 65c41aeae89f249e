package funnelcast.calibrate;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the event log of {@code scenario-format.md}: {@code deal_id,stage,entered_at} and
 * optionally {@code rep,value}, one row per stage entry, in any order. Every malformed row is
 * reported with its line number, never dropped: an unparseable date, an unknown column, a
 * stage id the scenario format cannot hold, the same entry twice, an event after won or lost.
 */
public final class HistoryReader {
    static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]+");

    private HistoryReader() {
    }

    public static History read(Path path) {
        Csv csv = Csv.read(path);
        Map<String, Integer> col = csv.columns(List.of("deal_id", "stage", "entered_at"), List.of("rep", "value"), true);
        Map<String, List<History.Event>> events = new LinkedHashMap<>();
        Map<String, String> reps = new HashMap<>();
        Map<String, Double> values = new HashMap<>();
        for (Csv.Row row : csv.rows()) {
            String id = csv.cell(row, col.get("deal_id")).trim();
            String stage = csv.cell(row, col.get("stage")).trim();
            String at = csv.cell(row, col.get("entered_at"));
            if (id.isEmpty()) {
                throw new HistoryException(csv.file(), row.line(), "deal_id: expected a deal id, got an empty field");
            }
            if (!STAGE.matcher(stage).matches()) {
                throw new HistoryException(csv.file(), row.line(), "stage: expected a stage id of letters, digits, "
                    + "'-' and '_', got '" + stage + "'");
            }
            LocalDateTime t = csv.timestamp(row, "entered_at", at);
            events.computeIfAbsent(id, k -> new ArrayList<>()).add(new History.Event(stage, t, row.line(),
                Csv.isDateOnly(at)));
            String rep = csv.cell(row, col.get("rep")).trim();
            if (!rep.isEmpty()) {
                reps.put(id, rep);
            }
            Double value = csv.number(row, "value", csv.cell(row, col.get("value")));
            if (value != null) {
                values.put(id, value);
            }
        }
        if (events.isEmpty()) {
            throw new HistoryException(csv.file(), 1, "no events after the header");
        }
        List<History.Deal> deals = new ArrayList<>();
        for (Map.Entry<String, List<History.Event>> e : events.entrySet()) {
            deals.add(new History.Deal(e.getKey(), reps.get(e.getKey()), values.get(e.getKey()),
                ordered(csv.file(), e.getKey(), e.getValue())));
        }
        return new History(csv.file(), deals, List.of());
    }

    /** Sorts a deal's events in time (file order among equal times) and checks them. */
    static List<History.Event> ordered(String file, String deal, List<History.Event> events) {
        List<History.Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(History.Event::at).thenComparingLong(History.Event::line));
        for (int i = 1; i < sorted.size(); i++) {
            History.Event prev = sorted.get(i - 1);
            History.Event cur = sorted.get(i);
            if (prev.stage().equals(cur.stage()) && prev.at().equals(cur.at())) {
                throw new HistoryException(file, cur.line(), "deal " + deal + " enters " + cur.stage() + " at "
                    + cur.at() + " twice (also line " + prev.line() + "); expected each entry once");
            }
            if (prev.stage().equals("won") || prev.stage().equals("lost")) {
                throw new HistoryException(file, cur.line(), "deal " + deal + " enters " + cur.stage()
                    + " after it was " + prev.stage() + " (line " + prev.line() + "); expected nothing after won or lost");
            }
        }
        return sorted;
    }
}
