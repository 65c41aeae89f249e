package funnelcast.history;

import funnelcast.InputException;
import funnelcast.model.Exit;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event log read row by row, as a file streams past or from rows already parsed, keeping per
 * deal only its events, rep, name and amount: a million-row export never sits in memory as rows.
 * Rows that may be a report's footer wait until a data row follows them (then they are data, and
 * refused as such) or the file ends (then they are the footer). A date that reads the same whatever
 * the column shows (ISO, or any date under {@code --date-format}) is read at once; the others
 * (slashed, dotted) wait for the whole column to say which number is the month, and are read at
 * the end, so their errors come after those of the rows.
 */
final class EventLog implements Csv.RowSink {
    /** The roles of an event log's columns. */
    static final List<String> ROLES = List.of("deal_id", "stage", "entered_at", "rep", "value", "name");

    private final String file;
    private final Map<String, String> columns;
    private final StageNames names;
    private final String dateFormat;
    private final Map<String, Set<String>> where;
    private final String idName;
    private final String stageName;
    private final String atName;
    private final String valueName;

    private Csv head;
    private Map<String, Integer> col;
    private final List<String> mapping = new ArrayList<>();
    private Map<Integer, Set<String>> whereAt;
    private List<Integer> required;
    private Integer idAt;
    private Integer stageAt;
    private Integer atAt;
    private Integer repAt;
    private Integer nameAt;
    private Integer valueAt;
    private DateColumn alone;

    /** Rows that may be a report's footer, waiting for a data row or the file's end. */
    private final List<Csv.Row> pending = new ArrayList<>();
    private boolean data;
    private int beforeWhere;
    private int rows;
    private int amountsRead;
    private int amountsBlank;
    private final List<DateText> dateExamples = new ArrayList<>(2);
    private final DateColumn.Shape shape = new DateColumn.Shape();
    private final List<Waiting> waiting = new ArrayList<>();
    /** The deals in the order first seen, and each row's event with its deal's number. */
    private final DealIndex deals = new DealIndex();
    private final History.EventColumns rowEvents = new History.EventColumns(1024);
    private int[] dealOf = new int[1024];
    private final Map<String, StageRows> stages = new LinkedHashMap<>(); // a stage name's id, worked out once for all its rows

    EventLog(String file, Map<String, String> columns, StageNames names, String dateFormat, Map<String, Set<String>> where) {
        this.file = file;
        this.columns = columns;
        this.names = names;
        this.dateFormat = dateFormat;
        this.where = where;
        this.idName = columns.getOrDefault("deal_id", "deal_id");
        this.stageName = columns.getOrDefault("stage", "stage");
        this.atName = columns.getOrDefault("entered_at", "entered_at");
        this.valueName = columns.getOrDefault("value", "value");
    }

    @Override
    public void header(List<String> header) {
        head = new Csv(file, header, List.of(), dateFormat, new HashMap<>(), new ArrayList<>(), List.of());
        col = columns.isEmpty()
            ? head.columns(List.of("deal_id", "stage", "entered_at"), known(where), true)
            : mapped(head, columns, mapping);
        idAt = col.get("deal_id");
        stageAt = col.get("stage");
        atAt = col.get("entered_at");
        repAt = col.get("rep");
        nameAt = col.get("name");
        valueAt = col.get("value");
        required = List.of(idAt, stageAt, atAt);
        whereAt = where.isEmpty() ? null : head.wherePositions(where);
        alone = new DateColumn.Shape().column(file, atName, dateFormat);
    }

    @Override
    public void row(long line, String[] cells) {
        Csv.Row row = new Csv.Row(line, cells);
        if (head.footer(row, required, List.of())) {
            pending.add(row);
            return;
        }
        if (!pending.isEmpty()) {
            for (Csv.Row p : pending) { // a footer's look, but data after it: data after all
                accept(p);
            }
            pending.clear();
        }
        accept(row);
        data = true;
    }

    private void accept(Csv.Row row) {
        beforeWhere++;
        if (whereAt != null && !Csv.matches(row, whereAt)) {
            return;
        }
        rows++;
        String id = head.cell(row, idAt).trim();
        String rawStage = head.cell(row, stageAt).trim();
        String at = head.cell(row, atAt);
        if (id.isEmpty()) {
            throw new HistoryException(file, row.line(), idName + ": expected a deal id, got an empty field");
        }
        StageRows stage = stages.get(rawStage);
        if (stage == null) {
            String stageId = names.id(rawStage);
            if (stageId == null) {
                throw new HistoryException(file, row.line(), stageName + ": expected a stage name with a letter or "
                    + "digit, got '" + rawStage + "'");
            }
            stage = new StageRows(stageId);
            stages.put(rawStage, stage);
        }
        stage.rows++;
        boolean iso = shape.see(at);
        if (dateExamples.size() < 2 && !at.isBlank()) {
            dateExamples.add(new DateText(row.line(), at));
        }
        int deal = deals.index(id);
        // a date and time as ISO writes them, read digit by digit (a timestamped export's every row)
        long second = iso && dateFormat == null ? DateColumn.isoSeconds(at) : DateColumn.UNREAD;
        int event;
        if (second != DateColumn.UNREAD) {
            event = rowEvents.add(stage.id, second, 0, row.line(), false);
        } else {
            // an ISO date, or any under --date-format, reads the same whatever the column shows: read it now
            LocalDateTime t = iso || dateFormat != null ? alone.parse(row.line(), at) : null;
            if (t == null) {
                event = rowEvents.add(stage.id, 0, 0, row.line(), false);
                waiting.add(new Waiting(event, row.line(), at));
            } else {
                event = rowEvents.add(new History.Event(stage.id, t, row.line(), alone.dateOnly(at)));
            }
        }
        if (event == dealOf.length) {
            dealOf = Arrays.copyOf(dealOf, 2 * event);
        }
        dealOf[event] = deal;
        String rep = head.cell(row, repAt).trim();
        if (!rep.isEmpty()) {
            deals.rep[deal] = rep;
        }
        String dealName = head.cell(row, nameAt).trim();
        if (!dealName.isEmpty()) {
            deals.name[deal] = dealName;
        }
        if (valueAt != null) {
            String amount = head.cell(row, valueAt);
            if (amount.isBlank()) {
                amountsBlank++;
            } else {
                amountsRead++;
            }
            Double value = head.number(row, valueName, amount);
            if (value != null) {
                deals.value[deal] = value;
            }
        }
    }

    /** The history read: the file's end reached (or its rows given), its footer, dates and deals settled. */
    History history() {
        if (!data) { // every row has a footer's look: none is taken for a footer
            for (Csv.Row p : pending) {
                accept(p);
            }
            pending.clear();
        }
        List<String> notes = new ArrayList<>();
        if (!pending.isEmpty()) {
            notes.add(head.footerNote(pending));
        }
        if (whereAt != null) {
            notes.add(head.whereNote(where, rows, beforeWhere));
        }
        notes.addAll(mapping);
        DateColumn dates = shape.column(file, atName, dateFormat);
        for (Waiting w : waiting) {
            LocalDateTime t = dates.parse(w.line, w.text);
            rowEvents.setTime(w.event, t.toEpochSecond(ZoneOffset.UTC), t.getNano(), dates.dateOnly(w.text));
        }
        if (deals.size() == 0) {
            throw new HistoryException(file, 1, "no events after the header");
        }
        // each deal's rows, in file order, found by counting (a deal's rows lie anywhere in the file)
        int count = rowEvents.size();
        int[] start = new int[deals.size() + 1];
        for (int i = 0; i < count; i++) {
            start[dealOf[i] + 1]++;
        }
        for (int d = 0; d < deals.size(); d++) {
            start[d + 1] += start[d];
        }
        int[] byDeal = new int[count];
        int[] next = Arrays.copyOf(start, deals.size());
        for (int i = 0; i < count; i++) {
            byDeal[next[dealOf[i]]++] = i;
        }
        History.EventColumns kept = new History.EventColumns(count);
        List<History.Deal> read = new ArrayList<>(deals.size());
        int merged = 0;
        int[] path = new int[16];
        for (int d = 0; d < deals.size(); d++) {
            int k = start[d + 1] - start[d];
            if (k > path.length) {
                path = new int[Math.max(k, 2 * path.length)];
            }
            System.arraycopy(byDeal, start[d], path, 0, k);
            inTime(path, k);
            int from = kept.size();
            for (int j = 0; j < k; j++) {
                if (j > 0) {
                    checkStep(deals.id[d], path[j - 1], path[j]);
                }
                // one visit per stay: a run of entries to one stage is kept as its first, the deal never having
                // left the stage (not a self-loop)
                if (j > 0 && rowEvents.stage(path[j - 1]).equals(rowEvents.stage(path[j]))) {
                    merged++;
                } else {
                    kept.add(rowEvents, path[j]);
                }
            }
            read.add(new History.Deal(deals.id[d], deals.rep[d], deals.value[d], kept.slice(from, kept.size()),
                deals.name[d]));
        }
        if (merged > 0) {
            notes.add(merged + " events entered the stage their deal was already at (two stage names mapped to one id, "
                + "or a stage saved twice) and were merged into that visit");
        }
        boolean ends = stages.values().stream().anyMatch(n -> n.id.equals(Exit.WON) || n.id.equals(Exit.LOST));
        if (!ends) {
            throw new HistoryException(file, 1, stageName + ": no value means won or lost, so no deal ever closes; "
                + "the values seen are " + String.join(", ", stages.keySet().stream().limit(20).map(v -> "'" + v + "'")
                .toList()) + "; name them with --won-label and --lost-label, or map them with --stage-map");
        }
        List<Reading.Example> examples = new ArrayList<>();
        for (DateText d : dateExamples) {
            examples.add(new Reading.Example(d.line(), d.text(), dates.parse(d.line(), d.text())));
        }
        Reading reading = new Reading("event log", rows, head.columnReading(col),
            List.of(new Reading.Dates(atName, examples.isEmpty() ? "no dates" : dates.rule(), examples)),
            valueAt == null ? null : new Reading.Amounts(valueName, amountsRead, amountsBlank),
            stages.entrySet().stream().map(e -> new Reading.Name(e.getKey(), e.getValue().id, e.getValue().rows)).toList(),
            Csv.footerReading(pending));
        return new History(file, read, notes, List.of(), reading);
    }

    /** A date as a row wrote it, for the reading's examples. */
    private record DateText(long line, String text) {
    }

    /** An event whose date waits for the column's rule. */
    private record Waiting(int event, long line, String text) {
    }

    /**
     * The deals by id, numbered in the order first seen, with the last rep, name and amount their
     * rows gave: an open-addressing table of numbers over the ids' hashes, so that a row finds its
     * deal among hundreds of thousands in one or two probes of an array.
     */
    private static final class DealIndex {
        /** No hash and number make it: a number is below 2^31. */
        private static final long EMPTY = -1;
        /** Each slot a deal's id hash (high half) and number (low half), or EMPTY: a probe reads one array. */
        private long[] table = new long[1024];
        private String[] id = new String[512];
        private String[] rep = new String[512];
        private String[] name = new String[512];
        private Double[] value = new Double[512];
        private int size;

        DealIndex() {
            Arrays.fill(table, EMPTY);
        }

        int size() {
            return size;
        }

        /** The deal's number, a new one the first time its id is seen. */
        int index(String key) {
            int h = key.hashCode();
            int mask = table.length - 1;
            int at = (h ^ (h >>> 16)) & mask;
            while (true) {
                long slot = table[at];
                if (slot == EMPTY) {
                    break;
                }
                int d = (int) slot;
                if ((int) (slot >>> 32) == h && id[d].equals(key)) {
                    return d;
                }
                at = (at + 1) & mask;
            }
            if (size == id.length) {
                int c = 2 * size;
                id = Arrays.copyOf(id, c);
                rep = Arrays.copyOf(rep, c);
                name = Arrays.copyOf(name, c);
                value = Arrays.copyOf(value, c);
            }
            id[size] = key;
            table[at] = slot(h, size);
            if (2 * (size + 1) > table.length) {
                rehash(2 * table.length);
            }
            return size++;
        }

        private static long slot(int hash, int deal) {
            return ((long) hash << 32) | deal;
        }

        /** The same slots in a table of {@code capacity}, each placed by the hash it holds. */
        private void rehash(int capacity) {
            long[] old = table;
            table = new long[capacity];
            Arrays.fill(table, EMPTY);
            int mask = capacity - 1;
            for (long slot : old) {
                if (slot != EMPTY) {
                    int h = (int) (slot >>> 32);
                    int at = (h ^ (h >>> 16)) & mask;
                    while (table[at] != EMPTY) {
                        at = (at + 1) & mask;
                    }
                    table[at] = slot;
                }
            }
        }
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
    static List<String> known(Map<String, Set<String>> where) {
        List<String> known = new ArrayList<>(List.of("rep", "value", "name"));
        for (String column : where.keySet()) {
            if (!known.contains(column)) {
                known.add(column);
            }
        }
        return known;
    }

    /** The columns the mapping names, by role; it must name the three required roles, each once, all in the header. */
    static Map<String, Integer> mapped(Csv csv, Map<String, String> columns, List<String> notes) {
        checkRoles(columns);
        Map<String, Integer> at = csv.positions(columns);
        List<String> ignored = csv.header().stream().filter(h -> !columns.containsValue(h)).toList();
        if (!ignored.isEmpty()) {
            notes.add("columns not mapped by --columns, ignored: " + String.join(", ", ignored));
        }
        return at;
    }

    static void checkRoles(Map<String, String> columns) {
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
     * A deal's events (their numbers, {@code k} of them, in file order) sorted in time, file order
     * among equal times: by insertion, a deal's few events being mostly in order already.
     */
    private void inTime(int[] path, int k) {
        if (k > 64) { // a deal with a long past: a merge sort, stable too
            Integer[] boxed = new Integer[k];
            for (int j = 0; j < k; j++) {
                boxed[j] = path[j];
            }
            Arrays.sort(boxed, (a, b) -> rowEvents.compareTimes(a, b));
            for (int j = 0; j < k; j++) {
                path[j] = boxed[j];
            }
            return;
        }
        for (int j = 1; j < k; j++) {
            int e = path[j];
            int p = j;
            while (p > 0 && rowEvents.compareTimes(path[p - 1], e) > 0) {
                path[p] = path[p - 1];
                p--;
            }
            path[p] = e;
        }
    }

    /** Refuses a deal's step from event {@code prev} to {@code cur} (in time) that cannot be. */
    private void checkStep(String deal, int prev, int cur) {
        String stage = rowEvents.stage(prev);
        boolean twice = stage.equals(rowEvents.stage(cur)) && rowEvents.sameTime(prev, cur);
        boolean afterEnd = stage.equals(Exit.WON) || stage.equals(Exit.LOST);
        if (!twice && !afterEnd) {
            return;
        }
        History.Event before = rowEvents.event(prev); // made only for the message
        History.Event after = rowEvents.event(cur);
        if (twice) {
            throw new HistoryException(file, after.line(), "deal " + deal + " enters " + after.stage() + " at "
                + after.at() + " twice (also line " + before.line() + "); expected each entry once");
        }
        throw new HistoryException(file, after.line(), "deal " + deal + " enters " + after.stage()
            + " after it was " + stage + " (line " + before.line() + "); expected nothing after won or lost");
    }
}
