package funnelcast.history;

import java.nio.file.Path;
import java.util.Map;

/**
 * A CRM export read into memory once, to be read into histories as often as needed: {@code
 * calibrate --by} reads one history per value of a column from the one parse instead of parsing
 * the file again for each value.
 */
public final class HistoryFile {
    private final Csv csv;

    private HistoryFile(Csv csv) {
        this.csv = csv;
    }

    /** The file parsed (its rows and their lines); a malformed or missing file is a {@link HistoryException}. */
    public static HistoryFile read(Path path) {
        return new HistoryFile(Csv.read(path));
    }

    /** Each value of a column (trimmed; blank ones, a padded footer's among them, left out) and its rows, in the order first seen. */
    public Map<String, Integer> values(String column) {
        return csv.values(column);
    }

    Csv csv() {
        return csv;
    }
}
