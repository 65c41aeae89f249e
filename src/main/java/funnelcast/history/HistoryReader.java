package funnelcast.history;

import funnelcast.InputException;
import funnelcast.model.Exit;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the event log of {@code scenario-format.md}: {@code deal_id,stage,entered_at} and
 * optionally {@code rep,value}, one row per stage entry, in any order. Every malformed row is
 * reported with its line number, never dropped: an unparseable date, an unknown column, a
 * stage id the scenario format cannot hold, the same entry twice, an event after won or lost.
 */
public final class HistoryReader {

    private HistoryReader() {
    }

    /** The roles of an event log's columns. */
    public static final List<String> ROLES = List.of("deal_id", "stage", "entered_at", "rep", "value", "name");

    public static History read(Path path) {
        return read(path, Map.of(), StageNames.DEFAULT);
    }

    /**
     * Reads an event log whose columns may be named otherwise ({@code columns}: role to column
     * name, e.g. {@code stage -> Stage Name}); with a mapping, columns it does not name are
     * ignored and named once in a note. Stage names become ids by {@code names}.
     */
    public static History read(Path path, Map<String, String> columns, StageNames names) {
        return read(path, columns, names, null);
    }

    /** The same, with dates read by a java.time pattern ({@code --date-format}) when it is not null. */
    public static History read(Path path, Map<String, String> columns, StageNames names, String dateFormat) {
        return read(path, columns, names, dateFormat, Map.of());
    }

    /** The same, keeping only the rows {@code where} names ({@code --where COLUMN=VALUE[,VALUE...]}). */
    public static History read(Path path, Map<String, String> columns, StageNames names, String dateFormat,
                               Map<String, Set<String>> where) {
        return read(HistoryFile.read(path), columns, names, dateFormat, where);
    }

    /** The same from a file already parsed (one parse for every segment of {@code calibrate --by}). */
    public static History read(HistoryFile file, Map<String, String> columns, StageNames names, String dateFormat,
                               Map<String, Set<String>> where) {
        Csv read = file.csv().withDateFormat(dateFormat);
        List<String> mapping = new ArrayList<>();
        Map<String, Integer> col = columns.isEmpty()
            ? read.columns(List.of("deal_id", "stage", "entered_at"), known(where), true)
            : mapped(read, columns, mapping);
        Csv csv = read.withoutFooter(List.of(col.get("deal_id"), col.get("stage"), col.get("entered_at")), List.of())
            .where(where);
        List<String> notes = new ArrayList<>(csv.notes());
        notes.addAll(mapping);
        String idName = columns.getOrDefault("deal_id", "deal_id");
        String stageName = columns.getOrDefault("stage", "stage");
        String atName = columns.getOrDefault("entered_at", "entered_at");
        // one lookup per row for its deal and one for its stage name; a million-row export is read in one pass
        Map<String, DealRows> events = new LinkedHashMap<>();
        Map<String, StageRows> stageNames = new LinkedHashMap<>(); // a stage name's id, worked out once for all its rows
        Integer idAt = col.get("deal_id");
        Integer stageAt = col.get("stage");
        Integer atAt = col.get("entered_at");
        Integer repAt = col.get("rep");
        Integer nameAt = col.get("name");
        Integer valueAt = col.get("value");
        String valueName = columns.getOrDefault("value", "value");
        DateColumn dates = csv.dates(atName);
        for (Csv.Row row : csv.rows()) {
            String id = csv.cell(row, idAt).trim();
            String rawStage = csv.cell(row, stageAt).trim();
            String at = csv.cell(row, atAt);
            if (id.isEmpty()) {
                throw new HistoryException(csv.file(), row.line(), idName + ": expected a deal id, got an empty field");
            }
            StageRows stage = stageNames.get(rawStage);
            if (stage == null) {
                String stageId = names.id(rawStage);
                if (stageId == null) {
                    throw new HistoryException(csv.file(), row.line(), stageName + ": expected a stage name with a letter or "
                        + "digit, got '" + rawStage + "'");
                }
                stage = new StageRows(stageId);
                stageNames.put(rawStage, stage);
            }
            stage.rows++;
            LocalDateTime t = dates.parse(row.line(), at);
            DealRows deal = events.computeIfAbsent(id, k -> new DealRows());
            deal.events.add(new History.Event(stage.id, t, row.line(), dates.dateOnly(at)));
            String rep = csv.cell(row, repAt).trim();
            if (!rep.isEmpty()) {
                deal.rep = rep;
            }
            String dealName = csv.cell(row, nameAt).trim();
            if (!dealName.isEmpty()) {
                deal.name = dealName;
            }
            Double value = csv.number(row, valueName, csv.cell(row, valueAt));
            if (value != null) {
                deal.value = value;
            }
        }
        if (events.isEmpty()) {
            throw new HistoryException(csv.file(), 1, "no events after the header");
        }
        List<History.Deal> deals = new ArrayList<>();
        int merged = 0;
        for (Map.Entry<String, DealRows> e : events.entrySet()) {
            List<History.Event> sorted = ordered(csv.file(), e.getKey(), e.getValue().events);
            List<History.Event> visits = oneVisitPerStay(sorted);
            merged += sorted.size() - visits.size();
            DealRows d = e.getValue();
            deals.add(new History.Deal(e.getKey(), d.rep, d.value, visits, d.name));
        }
        if (merged > 0) {
            notes.add(merged + " events entered the stage their deal was already at (two stage names mapped to one id, "
                + "or a stage saved twice) and were merged into that visit");
        }
        boolean ends = stageNames.values().stream().anyMatch(n -> n.id.equals(Exit.WON) || n.id.equals(Exit.LOST));
        if (!ends) {
            throw new HistoryException(csv.file(), 1, stageName + ": no value means won or lost, so no deal ever closes; "
                + "the values seen are " + String.join(", ", stageNames.keySet().stream().limit(20).map(v -> "'" + v + "'")
                .toList()) + "; name them with --won-label and --lost-label, or map them with --stage-map");
        }
        Reading reading = new Reading("event log", csv.rows().size(), csv.columnReading(col),
            List.of(csv.dateReading(atName, atAt)), csv.amountReading(valueName, valueAt),
            stageNames.entrySet().stream().map(e -> new Reading.Name(e.getKey(), e.getValue().id, e.getValue().rows))
            .toList(), csv.footerReading());
        return new History(csv.file(), deals, notes, List.of(), reading);
    }

    /** A deal's rows as they are read: its events in file order, and its last rep, name and amount given. */
    private static final class DealRows {
        private final List<History.Event> events = new ArrayList<>(4);
        private String rep;
        private String name;
        private Double value;
    }

    /** A stage name's id and how many rows hold it. */
    private static final class StageRows {
        private final String id;
        private int rows;

        StageRows(String id) {
            this.id = id;
        }
    }

    /** The optional columns of a header without --columns: rep, value, name, and those --where and --by name. */
    private static List<String> known(Map<String, Set<String>> where) {
        List<String> known = new ArrayList<>(List.of("rep", "value", "name"));
        for (String column : where.keySet()) {
            if (!known.contains(column)) {
                known.add(column);
            }
        }
        return known;
    }

    /**
     * Checks what can be checked of a reading before the file is opened: the roles {@code --columns}
     * names (the three required ones among them, when it names any) and the {@code --date-format}
     * pattern. The reader checks the same again; a command calls this first, so a mistake is
     * reported before a large file is read.
     */
    public static void check(Map<String, String> columns, String dateFormat) {
        DateColumn.checkPattern(dateFormat);
        if (!columns.isEmpty()) {
            checkRoles(columns);
        }
    }

    /** The columns the mapping names, by role; it must name the three required roles, each once, all in the header. */
    private static Map<String, Integer> mapped(Csv csv, Map<String, String> columns, List<String> notes) {
        checkRoles(columns);
        Map<String, Integer> at = csv.positions(columns);
        List<String> ignored = csv.header().stream().filter(h -> !columns.containsValue(h)).toList();
        if (!ignored.isEmpty()) {
            notes.add("columns not mapped by --columns, ignored: " + String.join(", ", ignored));
        }
        return at;
    }

    private static void checkRoles(Map<String, String> columns) {
        for (String role : columns.keySet()) {
            if (!ROLES.contains(role)) {
                throw new InputException("--columns: unknown role '" + role + "'; expected "
                    + String.join(", ", ROLES) + " (an event log) or --opportunities for an opportunity table");
            }
        }
        for (String role : List.of("deal_id", "stage", "entered_at")) {
            if (!columns.containsKey(role)) {
                throw new InputException("--columns: expected " + role + "=COLUMN (the roles deal_id, stage and "
                    + "entered_at are required), got " + columns);
            }
        }
    }

    /**
     * A deal's events with each run of entries to one stage kept as its first: the deal never left
     * the stage, so the run is one visit (not a self-loop).
     */
    static List<History.Event> oneVisitPerStay(List<History.Event> path) {
        List<History.Event> out = new ArrayList<>(path.size());
        for (History.Event e : path) {
            if (out.isEmpty() || !out.get(out.size() - 1).stage().equals(e.stage())) {
                out.add(e);
            }
        }
        return out;
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
            if (prev.stage().equals(Exit.WON) || prev.stage().equals(Exit.LOST)) {
                throw new HistoryException(file, cur.line(), "deal " + deal + " enters " + cur.stage()
                    + " after it was " + prev.stage() + " (line " + prev.line() + "); expected nothing after won or lost");
            }
        }
        return sorted;
    }
}
