package funnelcast.history;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A CSV file with a header, read whole, each row with its line number. */
record Csv(String file, List<String> header, List<Row> rows, String dateFormat, Map<String, DateColumn> dateColumns,
           List<String> notes) {

    record Row(long line, String[] cells) {
    }

    static Csv read(Path path) {
        String file = path.toString();
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(path, StandardCharsets.UTF_8));
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
            if (!it.hasNextValue()) {
                throw new HistoryException(file, 0, "the file is empty; expected a header row");
            }
            List<String> header = new ArrayList<>();
            for (String h : it.nextValue()) {
                header.add(h.replace("\uFEFF", "").trim());
            }
            List<Row> rows = new ArrayList<>();
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();
                String[] cells = it.nextValue();
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a blank line
                }
                rows.add(new Row(line, cells));
            }
            List<String> notes = new ArrayList<>();
            dropFooter(file, header.size(), rows, notes);
            return new Csv(file, header, rows, null, new HashMap<>(), notes);
        } catch (NoSuchFileException e) {
            throw new HistoryException(file, 0, "no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof HistoryException he) {
                throw he;
            }
            throw new HistoryException(file, 0, "malformed CSV: " + firstLine(e.getMessage()));
        }
    }

    /**
     * A report's footer: rows at the very end with fewer fields than the header (Salesforce's
     * "Grand Totals (240 records)", confidentiality and copyright lines) are not data. They are
     * dropped with a note naming their lines; a short row with data after it is still an error.
     */
    private static void dropFooter(String file, int width, List<Row> rows, List<String> notes) {
        int first = rows.size();
        while (first > 0 && rows.get(first - 1).cells().length < width) {
            first--;
        }
        if (first == rows.size() || first == 0) {
            return;
        }
        List<Row> footer = new ArrayList<>(rows.subList(first, rows.size()));
        rows.subList(first, rows.size()).clear();
        String text = String.join(" | ", footer.stream().map(r -> String.join(",", r.cells()).trim()).limit(4).toList());
        notes.add(String.format(Locale.ROOT, "lines %d-%d of %s hold no data (a report footer: %s) and were skipped",
            footer.get(0).line(), footer.get(footer.size() - 1).line(), file, text));
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

    /** Whether a value of the named column carries no time of day. */
    boolean dateOnly(String column, String text) {
        return dates(column).dateOnly(text);
    }

    private DateColumn dates(String column) {
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
        return new Csv(file, header, rows, format, new HashMap<>(), notes);
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

}
