package funnelcast.history;

import funnelcast.InputException;
import funnelcast.model.Exit;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the shape most CRMs export: one row per deal with a start date and, once closed, a close
 * date and an outcome; or, as Olist publishes it, a table of leads and a separate table of won
 * deals. Each deal becomes a one-stage history: it enters the stage at its start and leaves to
 * won or lost at its close. Where losses are not recorded, {@code lostAfter} days without an
 * event count as a loss at that day. Rows that cannot be placed in time (no start date) are
 * counted in the notes, never dropped silently.
 */
public final class OpportunityReader {
    /** Column roles to names, outcome labels, the optional wins table, and the silence rule. */
    public record Mapping(Map<String, String> columns, StageNames outcomes, Path wins,
                          Map<String, String> winsColumns, Integer lostAfter, String stage, String dateFormat,
                          Map<String, Set<String>> where) {
        /** Dates read by each column's own rule, every row kept. */
        public Mapping(Map<String, String> columns, StageNames outcomes, Path wins, Map<String, String> winsColumns,
                       Integer lostAfter, String stage) {
            this(columns, outcomes, wins, winsColumns, lostAfter, stage, null, Map.of());
        }
    }

    private OpportunityReader() {
    }

    /**
     * Checks the mapping before any file is read: the roles of {@code --columns} and
     * {@code --wins-columns}, the one stage's id, {@code --lost-after} and {@code --date-format}.
     */
    public static void check(Mapping m) {
        DateColumn.checkPattern(m.dateFormat());
        // a role that does not exist first: 'begin=Create Date' is a misspelt start, not a missing one
        for (String role : m.columns().keySet()) {
            if (!List.of("id", "start", "close", "outcome", "value", "rep", "name").contains(role)) {
                throw new InputException("--columns: unknown role '" + role + "'; expected id, start, close, "
                    + "outcome, value, rep, name");
            }
        }
        required(m.columns(), "id", "--columns");
        required(m.columns(), "start", "--columns");
        if (!StageNames.ID.matcher(m.stage()).matches() || m.stage().equals(Exit.WON) || m.stage().equals(Exit.LOST)) {
            throw new InputException("--stage: expected a stage id of letters, digits, '-' and '_', got '"
                + m.stage() + "'");
        }
        if (m.lostAfter() != null && m.lostAfter() <= 0) {
            throw new InputException("--lost-after: expected a number of calendar days > 0, got " + m.lostAfter());
        }
        if (m.wins() != null) {
            required(m.winsColumns(), "id", "--wins-columns");
            required(m.winsColumns(), "date", "--wins-columns");
            for (String role : m.winsColumns().keySet()) {
                if (!List.of("id", "date", "value", "rep").contains(role)) {
                    throw new InputException("--wins-columns: unknown role '" + role + "'; expected id, date, value, rep");
                }
            }
        }
    }

    public static History read(Path path, Mapping m) {
        check(m);
        return read(HistoryFile.read(path), m);
    }

    /** The same from a file already parsed (one parse for every segment of {@code calibrate --by}). */
    public static History read(HistoryFile file, Mapping m) {
        check(m);
        Csv read = file.csv().withDateFormat(m.dateFormat());
        String idCol = m.columns().get("id");
        String startCol = m.columns().get("start");
        Map<String, Integer> at = read.positions(m.columns());
        Csv csv = read.withoutFooter(List.of(at.get("id")), List.of(at.get("start"))).where(m.where());
        List<String> notes = new ArrayList<>(csv.notes());
        Map<String, Row> deals = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        int undated = 0;
        for (Csv.Row row : csv.rows()) {
            String id = csv.cell(row, at.get("id")).trim();
            if (id.isEmpty()) {
                throw new HistoryException(csv.file(), row.line(), idCol + ": expected a deal id, got an empty field");
            }
            if (deals.containsKey(id)) {
                throw new HistoryException(csv.file(), row.line(), "deal " + id + " appears twice (also line "
                    + deals.get(id).line + "); expected one row per deal");
            }
            outcomes.merge(csv.cell(row, at.get("outcome")).trim(), 1, Integer::sum);
            String startText = csv.cell(row, at.get("start"));
            if (startText.isBlank()) {
                undated++;
                deals.put(id, new Row(row.line(), null, null, null, null, null, true, true, null));
                continue;
            }
            LocalDateTime start = csv.timestamp(row, startCol, startText);
            String outcome = csv.cell(row, at.get("outcome")).trim();
            String named = m.outcomes().id(outcome);
            String terminal = Exit.WON.equals(named) ? Exit.WON : Exit.LOST.equals(named) ? Exit.LOST : null;
            LocalDateTime close = null;
            boolean closeDayOnly = true;
            if (terminal != null) {
                String closeText = csv.cell(row, at.get("close"));
                if (closeText.isBlank()) {
                    throw new HistoryException(csv.file(), row.line(), "deal " + id + " is " + outcome
                        + " but has no close date (column " + m.columns().get("close") + ")");
                }
                close = csv.timestamp(row, m.columns().getOrDefault("close", "close"), closeText);
                closeDayOnly = csv.dateOnly(m.columns().getOrDefault("close", "close"), closeText);
            }
            String rep = csv.cell(row, at.get("rep")).trim();
            Double value = terminal != null && terminal.equals(Exit.WON)
                ? csv.number(row, m.columns().getOrDefault("value", "value"), csv.cell(row, at.get("value"))) : null;
            String name = csv.cell(row, at.get("name")).trim();
            deals.put(id, new Row(row.line(), start, terminal, close, rep.isEmpty() ? null : rep, value,
                csv.dateOnly(startCol, startText), closeDayOnly, name.isEmpty() ? null : name));
        }
        if (undated > 0) {
            notes.add(undated + " rows of " + csv.file() + " have no " + startCol + " and cannot be placed in time: "
                + "they are not in the history");
        }
        if (m.wins() != null) {
            joinWins(m, deals, notes);
        }
        if (m.lostAfter() == null && deals.values().stream().noneMatch(r -> r.terminal != null)) {
            throw new HistoryException(csv.file(), 0, neverCloses(m, outcomes));
        }
        List<History.Deal> out = new ArrayList<>();
        int wonBeforeStart = 0;
        int lateWins = 0;
        List<LocalDateTime> ruledLost = new ArrayList<>();
        for (Map.Entry<String, Row> e : deals.entrySet()) {
            Row r = e.getValue();
            if (r.start == null) {
                continue;
            }
            String terminal = r.terminal;
            LocalDateTime close = r.close;
            boolean closeDayOnly = r.closeDayOnly;
            if (close != null && close.isBefore(r.start)) {
                wonBeforeStart++;
                close = r.start;
            }
            if (m.lostAfter() != null) {
                LocalDateTime silence = r.start.plusDays(m.lostAfter());
                if (terminal == null || close.isAfter(silence)) {
                    if (terminal != null && terminal.equals(Exit.WON)) {
                        lateWins++;
                        ruledLost.add(close);
                    }
                    terminal = Exit.LOST;
                    close = silence;
                    closeDayOnly = true; // a rule's date, not an observed time
                }
            }
            List<History.Event> events = new ArrayList<>();
            events.add(new History.Event(m.stage(), r.start, r.line, r.startDayOnly));
            if (terminal != null) {
                events.add(new History.Event(terminal, close, r.line, closeDayOnly));
            }
            out.add(new History.Deal(e.getKey(), r.rep, terminal != null && terminal.equals(Exit.WON) ? r.value : null,
                events, r.name));
        }
        long closed = deals.values().stream().filter(r -> r.start != null && r.close != null).count();
        if (wonBeforeStart > 0 && 2L * wonBeforeStart > closed) {
            throw new HistoryException(csv.file(), 0, String.format(Locale.ROOT, "%d of the %d closed deals close before "
                + "they start: the start column '%s' and the close column '%s' look swapped; swap them in --columns "
                + "(start=%s,close=%s)", wonBeforeStart, closed, startCol, m.columns().get("close"), m.columns().get("close"),
                startCol));
        }
        if (wonBeforeStart > 0) {
            notes.add(wonBeforeStart + " deals closed before they started; their close is dated at their start");
        }
        if (lateWins > 0) {
            notes.add(lateWins + " wins came more than " + m.lostAfter() + " days after the start and count as losses "
                + "at day " + m.lostAfter() + " (--lost-after)");
        }
        if (out.isEmpty()) {
            throw new HistoryException(csv.file(), 0, "no deal with a start date");
        }
        Map<String, Integer> roles = new LinkedHashMap<>(at);
        List<Reading.Dates> dates = new ArrayList<>(List.of(csv.dateReading(startCol, at.get("start"))));
        if (m.columns().containsKey("close")) {
            dates.add(csv.dateReading(m.columns().get("close"), at.get("close")));
        }
        List<Reading.Name> names = outcomes.entrySet().stream().map(e -> {
            String named = m.outcomes().id(e.getKey());
            return new Reading.Name(e.getKey(), Exit.WON.equals(named) || Exit.LOST.equals(named) ? named
                : "open, at stage " + m.stage(), e.getValue());
        }).toList();
        Reading reading = new Reading("opportunity table", csv.rows().size(), csv.columnReading(roles), dates,
            csv.amountReading(m.columns().get("value"), at.get("value")), names, csv.footerReading());
        return new History(csv.file(), out, notes, ruledLost, reading);
    }

    /** Why no deal closes, with the outcome values seen and the options that map them. */
    private static String neverCloses(Mapping m, Map<String, Integer> outcomes) {
        if (!m.columns().containsKey("outcome")) {
            return "no deal ever closes: name the outcome column in --columns (outcome=COLUMN), give the won deals with "
                + "--wins, or count silent deals as lost with --lost-after DAYS";
        }
        List<String> seen = outcomes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(12).map(e -> String.format(Locale.ROOT, "'%s' (%d)", e.getKey(), e.getValue())).toList();
        return "no value of " + m.columns().get("outcome") + " means won or lost, so no deal ever closes; the values seen are "
            + String.join(", ", seen) + (outcomes.size() > seen.size() ? " and " + (outcomes.size() - seen.size()) + " more" : "")
            + "; name them with --won-label and --lost-label";
    }

    private static void joinWins(Mapping m, Map<String, Row> deals, List<String> notes) {
        Csv table = Csv.read(m.wins()).withDateFormat(m.dateFormat());
        String idCol = required(m.winsColumns(), "id", "--wins-columns");
        String dateCol = required(m.winsColumns(), "date", "--wins-columns");
        Map<String, Integer> col = table.columns(List.of(idCol, dateCol), List.of(), false);
        Csv wins = table.withoutFooter(List.of(col.get(idCol), col.get(dateCol)), List.of());
        notes.addAll(wins.notes());
        Integer valueCol = m.winsColumns().containsKey("value") ? col.get(m.winsColumns().get("value")) : null;
        Integer repCol = m.winsColumns().containsKey("rep") ? col.get(m.winsColumns().get("rep")) : null;
        for (Csv.Row row : wins.rows()) {
            String id = wins.cell(row, col.get(idCol)).trim();
            Row deal = deals.get(id);
            if (deal == null) {
                throw new HistoryException(wins.file(), row.line(), "won deal " + id + " has no row in the opportunity table");
            }
            if (deal.start == null) {
                continue;
            }
            String text = wins.cell(row, col.get(dateCol));
            LocalDateTime close = wins.timestamp(row, dateCol, text);
            Double value = valueCol == null ? null : wins.number(row, m.winsColumns().get("value"), wins.cell(row, valueCol));
            String rep = repCol == null ? deal.rep : wins.cell(row, repCol).trim();
            deals.put(id, new Row(deal.line, deal.start, Exit.WON, close, rep, value, deal.startDayOnly,
                wins.dateOnly(dateCol, text), deal.name));
        }
    }

    private static String required(Map<String, String> map, String role, String option) {
        String v = map.get(role);
        if (v == null || v.isBlank()) {
            throw new InputException(option + ": the '" + role + "' column is required (" + role + "=COLUMN)");
        }
        return v;
    }

    private record Row(long line, LocalDateTime start, String terminal, LocalDateTime close, String rep, Double value,
                       boolean startDayOnly, boolean closeDayOnly, String name) {
    }
}
