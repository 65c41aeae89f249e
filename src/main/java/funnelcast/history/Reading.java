package funnelcast.history;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * How a file was read, for {@code funnel inspect}: each column and the role it got, each date
 * column's rule with two rows read by it, the amounts read and blank, the names found (stage
 * names, or outcome values) and what each became, and the footer lines skipped.
 */
public record Reading(String format, int rows, List<Column> columns, List<Dates> dates, Amounts amounts,
                      List<Name> names, List<Line> footer) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A history read otherwise (simulated, or built in a test). */
    public static final Reading NONE = new Reading("", 0, List.of(), List.of(), null, List.of(), List.of());

    public Reading {
        columns = List.copyOf(columns);
        dates = List.copyOf(dates);
        names = List.copyOf(names);
        footer = List.copyOf(footer);
    }

    /** A column of the header and its role ("ignored" for one no role names). */
    public record Column(String name, String role) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A date column's rule ({@code ISO}, {@code month first (M/d/yyyy)}, ...) and rows read by it. */
    public record Dates(String column, String rule, List<Example> examples) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Dates {
            examples = List.copyOf(examples);
        }
    }

    /** A value as the file writes it, its line, and the date-time it was read as. */
    public record Example(long line, String text, LocalDateTime read) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The value column: how many amounts were read and how many were blank. */
    public record Amounts(String column, int read, int blank) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A stage name or outcome value, in the file, what it became (a stage id, won, lost, open), and its rows. */
    public record Name(String value, String became, int rows) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A line of the file as it was, by number. */
    public record Line(long line, String text) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
