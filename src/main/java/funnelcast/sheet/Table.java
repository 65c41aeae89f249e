package funnelcast.sheet;

import java.util.List;

/**
 * One sheet of a workbook: its name, its column headers and its rows. A cell is a
 * {@link Number}, a {@link String}, a {@link Boolean}, a {@link java.time.LocalDate} or null
 * (left empty).
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
