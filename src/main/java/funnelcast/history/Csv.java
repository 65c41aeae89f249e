package funnelcast.history;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import funnelcast.Mappers;
import funnelcast.Parallelism;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;

/** A CSV file with a header, read whole, each row with its line number. */
record Csv(String file, List<String> header, List<Row> rows, String dateFormat, Map<String, DateColumn> dateColumns,
           List<String> notes, List<Row> footer) {

    record Row(long line, String[] cells) {
    }

    /** Takes a file's header, then its rows one by one with their lines. */
    interface RowSink {
        void header(List<String> header);

        void row(long line, String[] cells);
    }

    static Csv read(Path path) {
        List<Row> rows = new ArrayList<>();
        List<List<String>> header = new ArrayList<>();
        stream(path, new RowSink() {
            @Override
            public void header(List<String> h) {
                header.add(h);
            }

            @Override
            public void row(long line, String[] cells) {
                rows.add(new Row(line, cells));
            }
        });
        return new Csv(path.toString(), header.get(0), rows, null, new HashMap<>(), new ArrayList<>(), List.of());
    }

    /**
     * Reads the file as a stream, keeping nothing: the header, then each row (blank lines
     * skipped) as Jackson's streaming parser gives it, cells trimmed. A malformed or missing file,
     * or a {@link HistoryException} from the sink, stops it with the file and line. With two
     * threads or more to use ({@link Parallelism#current()}), the parser runs on a thread of its
     * own, a few batches of rows ahead, while the sink takes them in order on the caller's thread:
     * the same calls in the same order, and the same first error, as on one thread.
     */
    static void stream(Path path, RowSink sink) {
        if (Parallelism.current().threads() < 2) {
            parse(path, sink);
            return;
        }
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        Thread parser = new Thread(() -> {
            Batcher batcher = new Batcher(queue);
            Throwable failure = null;
            try {
                parse(path, batcher);
            } catch (Batcher.Stopped e) {
                return; // the sink failed: nobody reads on
            } catch (RuntimeException | Error e) { // the file's error, or the parser's thread out of memory
                failure = e;
            }
            try {
                batcher.flush(failure);
            } catch (Batcher.Stopped e) {
                // the sink failed meanwhile (its interrupt may have ended the reading too): nobody reads on
            }
        }, "funnelcast-csv");
        parser.setDaemon(true);
        parser.start();
        boolean done = false;
        try {
            while (!done) {
                Batch b = queue.take();
                if (b.header != null) {
                    sink.header(b.header);
                }
                for (int i = 0; i < b.size; i++) {
                    sink.row(b.lines[i], b.cells[i]);
                }
                if (b.end) {
                    done = true;
                    if (b.failure instanceof RuntimeException e) {
                        throw e;
                    } else if (b.failure instanceof Error e) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException(path.toString(), 0, "interrupted while reading");
        } finally {
            if (!done) { // the sink failed: stop the parser and let it close the file
                parser.interrupt();
                try {
                    parser.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Batches of rows the parser may hold ready before the sink takes them. */
    private static final int BATCHES_AHEAD = 8;

    /** Rows handed from the parser's thread to the sink's, with the header first and the end (or the parser's error) last. */
    private static final class Batch {
        static final int ROWS = 1024;
        List<String> header;
        final long[] lines = new long[ROWS];
        final String[][] cells = new String[ROWS][];
        int size;
        boolean end;
        Throwable failure;
    }

    /** The parser's sink on its own thread: rows into batches, batches into the queue. */
    private static final class Batcher implements RowSink {
        private final BlockingQueue<Batch> queue;
        private Batch batch = new Batch();

        Batcher(BlockingQueue<Batch> queue) {
            this.queue = queue;
        }

        @Override
        public void header(List<String> header) {
            batch.header = header;
        }

        @Override
        public void row(long line, String[] cells) {
            batch.lines[batch.size] = line;
            batch.cells[batch.size++] = cells;
            if (batch.size == Batch.ROWS) {
                put(batch);
                batch = new Batch();
            }
        }

        /** The last batch, with the parser's error if it stopped on one. */
        void flush(Throwable failure) {
            batch.end = true;
            batch.failure = failure;
            put(batch);
        }

        private void put(Batch b) {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        /** The sink's thread gave up (its sink failed): the parser ends without reading on. */
        static final class Stopped extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stopped() {
                super(null, null, false, false);
            }
        }
    }

    /** {@link #stream} on the caller's thread alone. */
    private static void parse(Path path, RowSink sink) {
        String file = path.toString();
        CsvMapper mapper = Mappers.CSV;
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(path, StandardCharsets.UTF_8));
             CsvParser parser = mapper.getFactory().createParser(reader)) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.enable(CsvParser.Feature.TRIM_SPACES);
            List<String> cells = new ArrayList<>();
            long line = 0;
            boolean header = true;
            int depth = 0; // the file is one array (WRAP_AS_ARRAY), each row an array in it
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_ARRAY && ++depth == 2) {
                    cells.clear();
                    line = parser.currentLocation().getLineNr();
                } else if (t == JsonToken.END_ARRAY && depth-- == 2) {
                    if (header) {
                        List<String> names = new ArrayList<>();
                        for (String h : cells) {
                            names.add(h.replace("\uFEFF", "").trim());
                        }
                        header = false;
                        try {
                            sink.header(names);
                        } catch (RuntimeException e) {
                            throw new SinkFailure(e);
                        }
                    } else if (cells.size() != 1 || !cells.get(0).isEmpty()) { // else a blank line
                        try {
                            sink.row(line, cells.toArray(new String[cells.size()]));
                        } catch (RuntimeException e) {
                            throw new SinkFailure(e);
                        }
                    }
                } else if (t.isScalarValue()) {
                    cells.add(parser.getText());
                }
            }
            if (header) {
                throw new HistoryException(file, 0, "the file is empty; expected a header row");
            }
        } catch (SinkFailure e) {
            throw e.cause;
        } catch (NoSuchFileException e) {
            throw new HistoryException(file, 0, "no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof HistoryException he) {
                throw he;
            }
            throw new HistoryException(file, 0, "malformed CSV: " + firstLine(e.getMessage()));
        }
    }

    /** What the sink threw, carried past the parser's own error handling and thrown as it was. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException cause;

        SinkFailure(RuntimeException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** Words that open a report's footer line: totals, copyright and confidentiality lines, who generated it. */
    private static final Pattern FOOTER = Pattern.compile(
        "^(grand\\s+)?totals?\\b|\\brecords?\\)?$|copyright|\u00a9|\\(c\\)|confidential|generated\\s+by|all rights reserved",
        Pattern.CASE_INSENSITIVE);

    /**
     * The same file without a report's footer: the rows at the very end that are not data,
     * padded to the header's width or not (Salesforce's "Grand Totals (240 records)", its
     * confidentiality and copyright lines). A trailing row is a footer when it is shorter than the
     * header, when a {@code required} cell is blank, or when a {@code usual} cell is blank and its
     * first words are a footer's (Total, Copyright, Confidential, Generated by). They are dropped
     * with a note naming their lines; such a row with data after it is still an error.
     */
    Csv withoutFooter(List<Integer> required, List<Integer> usual) {
        int first = rows.size();
        while (first > 0 && footer(rows.get(first - 1), required, usual)) {
            first--;
        }
        if (first == rows.size() || first == 0) {
            return this;
        }
        List<Row> footer = rows.subList(first, rows.size());
        List<String> more = new ArrayList<>(notes);
        more.add(footerNote(footer));
        return new Csv(file, header, List.copyOf(rows.subList(0, first)), dateFormat, new HashMap<>(), more,
            List.copyOf(footer));
    }

    /** The note that says which lines were a footer and what they held. */
    String footerNote(List<Row> footer) {
        String text = String.join(" | ", footer.stream().map(r -> String.join(",", r.cells()).replaceAll(",+$", "").trim())
            .limit(4).toList());
        return String.format(Locale.ROOT, "lines %d-%d of %s hold no data (a report footer: %s) and were skipped",
            footer.get(0).line(), footer.get(footer.size() - 1).line(), file, text);
    }

    /** Whether a row could belong to a report's footer (see {@link #withoutFooter}). */
    boolean footer(Row row, List<Integer> required, List<Integer> usual) {
        String[] cells = row.cells();
        if (cells.length < header.size()) {
            return true;
        }
        // indexed loops, no iterator: every row of a streamed export is asked
        for (int k = 0; k < required.size(); k++) {
            Integer i = required.get(k);
            if (i != null && cells[i].isBlank()) {
                return true;
            }
        }
        boolean usualBlank = false;
        for (int k = 0; k < usual.size(); k++) {
            Integer i = usual.get(k);
            usualBlank |= i != null && cells[i].isBlank();
        }
        if (!usualBlank) {
            return false;
        }
        for (String c : cells) {
            if (!c.isBlank()) {
                return FOOTER.matcher(c.trim()).find();
            }
        }
        return true;
    }

    /**
     * The reader past a UTF-8 byte order mark (Excel writes one): left in, it would stand before a
     * quoted first header, which then reads as '"deal_id"' with its quotes.
     */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader r = new PushbackReader(reader, 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Column positions by name; required ones must be there, unknown ones are refused. */
    Map<String, Integer> columns(List<String> required, List<String> optional, boolean refuseUnknown) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (refuseUnknown && !required.contains(h) && !optional.contains(h)) {
                throw new HistoryException(file, 1, "unknown column '" + h + "'; expected " + String.join(",", required)
                    + " and optionally " + String.join(",", optional) + ", or name your columns with --columns ROLE=COLUMN,"
                    + " e.g. --columns '" + example(required) + "'");
            }
            if (at.put(h, i) != null) {
                throw new HistoryException(file, 1, "column '" + h + "' appears twice");
            }
        }
        for (String r : required) {
            if (!at.containsKey(r)) {
                throw new HistoryException(file, 1, "missing column '" + r + "'; the header is " + header
                    + (required.isEmpty() ? "" : "; name your columns with --columns ROLE=COLUMN, e.g. --columns '"
                    + example(required) + "'"));
            }
        }
        return at;
    }

    /** A --columns value naming every required role, with the header's first columns as the columns. */
    private String example(List<String> roles) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < roles.size(); i++) {
            b.append(i == 0 ? "" : ",").append(roles.get(i)).append('=')
                .append(i < header.size() ? header.get(i) : "COLUMN");
        }
        return b.toString();
    }

    /** Each role's column position, for a mapping of roles to column names; a name not in the header is an error. */
    Map<String, Integer> positions(Map<String, String> roles) {
        Map<String, Integer> all = columns(List.of(), List.of(), false);
        Map<String, Integer> at = new HashMap<>();
        for (Map.Entry<String, String> e : roles.entrySet()) {
            Integer i = all.get(e.getValue());
            if (i == null) {
                throw new HistoryException(file, 1, "no column '" + e.getValue() + "' for " + e.getKey()
                    + "; the header is " + header);
            }
            at.put(e.getKey(), i);
        }
        return at;
    }

    String cell(Row row, Integer column) {
        if (column == null) {
            return "";
        }
        if (row.cells().length != header.size()) {
            throw new HistoryException(file, row.line(), "expected " + header.size() + " fields, got "
                + row.cells().length + ": " + Arrays.toString(row.cells()));
        }
        return row.cells()[column];
    }

    /** A date or date-time of the named column, read by the column's rule ({@link DateColumn}). */
    LocalDateTime timestamp(Row row, String column, String text) {
        return dates(column).parse(row.line(), text);
    }

    /**
     * The same file with only the rows whose cell in each named column is one of its values
     * ({@code --where COLUMN=VALUE[,VALUE...]}, compared trimmed), with a note of how many were kept.
     * A column not in the header is an error naming the header.
     */
    Csv where(Map<String, Set<String>> where) {
        if (where.isEmpty()) {
            return this;
        }
        Map<Integer, Set<String>> at = wherePositions(where);
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) { // a plain loop: calibrate --by scans the rows once for each of its values
            if (matches(r, at)) {
                kept.add(r);
            }
        }
        List<String> more = new ArrayList<>(notes);
        more.add(whereNote(where, kept.size(), rows.size()));
        return new Csv(file, header, Collections.unmodifiableList(kept), dateFormat, new HashMap<>(), more, footer);
    }

    /** The positions of the columns {@code --where} names, with their values; a column not in the header is an error. */
    Map<Integer, Set<String>> wherePositions(Map<String, Set<String>> where) {
        Map<Integer, Set<String>> at = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : where.entrySet()) {
            int i = header.indexOf(e.getKey());
            if (i < 0) {
                throw new HistoryException(file, 1, "--where: no column '" + e.getKey() + "'; the header is " + header);
            }
            at.put(i, e.getValue());
        }
        return at;
    }

    /** The note of how many rows {@code --where} kept; none kept is an error. */
    String whereNote(Map<String, Set<String>> where, int kept, int of) {
        if (kept == 0) {
            throw new HistoryException(file, 0, "--where " + where + ": no row matches");
        }
        return String.format(Locale.ROOT, "--where %s kept %d of %d rows", where, kept, of);
    }

    static boolean matches(Row r, Map<Integer, Set<String>> at) {
        for (Map.Entry<Integer, Set<String>> e : at.entrySet()) {
            int i = e.getKey();
            if (i >= r.cells().length || !e.getValue().contains(r.cells()[i].trim())) {
                return false;
            }
        }
        return true;
    }

    /** Each value of the named column (trimmed, blank left out) and its rows, in the order first seen. */
    Map<String, Integer> values(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new HistoryException(file, 1, "--by: no column '" + column + "'; the header is " + header);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (i < r.cells().length && !r.cells()[i].isBlank()) {
                out.merge(r.cells()[i].trim(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The named date column's rule and its first two rows read by it, for {@link Reading}. */
    Reading.Dates dateReading(String column, Integer position) {
        List<Reading.Example> examples = new ArrayList<>();
        for (Row r : rows) {
            if (examples.size() == 2) {
                break;
            }
            String text = position == null || position >= r.cells().length ? "" : r.cells()[position];
            if (!text.isBlank()) {
                examples.add(new Reading.Example(r.line(), text, timestamp(r, column, text)));
            }
        }
        return new Reading.Dates(column, examples.isEmpty() ? "no dates" : dates(column).rule(), examples);
    }

    /** The value column's amounts read and blank, for {@link Reading}; null when there is no value column. */
    Reading.Amounts amountReading(String column, Integer position) {
        if (position == null) {
            return null;
        }
        int read = 0;
        int blank = 0;
        for (Row r : rows) {
            if (r.cells()[position].isBlank()) {
                blank++;
            } else {
                read++;
            }
        }
        return new Reading.Amounts(column, read, blank);
    }

    /** Each header column and its role by {@code roles} (role to position), "ignored" for the others. */
    List<Reading.Column> columnReading(Map<String, Integer> roles) {
        List<Reading.Column> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String role = "ignored";
            for (Map.Entry<String, Integer> e : roles.entrySet()) {
                if (e.getValue() != null && e.getValue() == i) {
                    role = e.getKey();
                }
            }
            out.add(new Reading.Column(header.get(i), role));
        }
        return out;
    }

    /** The footer's lines as the file wrote them. */
    List<Reading.Line> footerReading() {
        return footerReading(footer);
    }

    /** Footer rows' lines as the file wrote them. */
    static List<Reading.Line> footerReading(List<Row> footer) {
        return footer.stream().map(r -> new Reading.Line(r.line(), String.join(",", r.cells()).replaceAll(",+$", "").trim()))
            .toList();
    }

    /** Whether a value of the named column carries no time of day. */
    boolean dateOnly(String column, String text) {
        return dates(column).dateOnly(text);
    }

    DateColumn dates(String column) {
        return dateColumns.computeIfAbsent(column, c -> {
            int i = header.indexOf(c);
            List<String> values = new ArrayList<>();
            for (Row r : rows) {
                if (i >= 0 && i < r.cells().length && !r.cells()[i].isBlank()) {
                    values.add(r.cells()[i]);
                }
            }
            return DateColumn.of(file, c, values, dateFormat);
        });
    }

    /** The same file, its dates read with a java.time pattern ({@code --date-format}) or, when null, by each column's rule. */
    Csv withDateFormat(String format) {
        return new Csv(file, header, rows, format, new HashMap<>(), notes, footer);
    }

    /** Currency signs and codes that may stand before or after an amount. */
    private static final Pattern CURRENCY =
        Pattern.compile("^(?:[$¥€£]|USD|CNY|RMB|EUR|GBP|JPY)\\s*|\\s*(?:[$¥€£]|USD|CNY|RMB|EUR|GBP|JPY)$");
    /** Thousands separated by commas: 11,800 or 15,600.00. */
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * An amount: blank means none; a currency sign or code before or after it ($, ¥, €, £, USD,
     * CNY, RMB, EUR, GBP, JPY) and commas between thousands are allowed.
     */
    Double number(Row row, String column, String text) {
        if (text.isBlank()) {
            return null;
        }
        if (plainDecimal(text)) { // most amounts: digits and a point, nothing for the patterns to take off
            double v = Double.parseDouble(text);
            if (v < Double.POSITIVE_INFINITY) {
                return v;
            }
        }
        String s = CURRENCY.matcher(text.trim()).replaceAll("").trim();
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        try {
            double v = Double.parseDouble(s);
            if (v >= 0 && v < Double.POSITIVE_INFINITY) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new HistoryException(file, row.line(), column + ": expected an amount >= 0 (such as 15600, $15,600.00 or "
            + "¥11,800), got '" + text + "'");
    }

    /** Digits with at most one point among them, and one digit at least. */
    private static boolean plainDecimal(String text) {
        boolean digit = false;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

}
