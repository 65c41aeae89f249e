package funnelcast.history;

import java.nio.file.Path;
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
    public static final List<String> ROLES = EventLog.ROLES;

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
        EventLog log = new EventLog(path.toString(), columns, names, dateFormat, where);
        Csv.stream(path, log); // row by row: the rows are never all in memory
        return log.history();
    }

    /** The same from a file already parsed (one parse for every segment of {@code calibrate --by}). */
    public static History read(HistoryFile file, Map<String, String> columns, StageNames names, String dateFormat,
                               Map<String, Set<String>> where) {
        Csv csv = file.csv();
        EventLog log = new EventLog(csv.file(), columns, names, dateFormat, where);
        log.header(csv.header());
        for (Csv.Row row : csv.rows()) {
            log.row(row.line(), row.cells());
        }
        return log.history();
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
            EventLog.checkRoles(columns);
        }
    }
}
