package funnelcast.calibrate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file with a header, read whole, each row with its line number. */
record Csv(String file, List<String> header, List<Row> rows) {

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
            return new Csv(file, header, rows);
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
     * The reader past a UTF-8 byte order mark (Excel writes one): left in, it would stand before a
     * quoted first header, which then reads as '"deal_id"' with its quotes.
     */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader r = new java.io.PushbackReader(reader, 1);
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
                    + " and optionally " + String.join(",", optional));
            }
            if (at.put(h, i) != null) {
                throw new HistoryException(file, 1, "column '" + h + "' appears twice");
            }
        }
        for (String r : required) {
            if (!at.containsKey(r)) {
                throw new HistoryException(file, 1, "missing column '" + r + "'; the header is " + header);
            }
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

    /** An ISO date or date-time ('T' or a space between), with or without an offset. */
    LocalDateTime timestamp(Row row, String column, String text) {
        String s = text.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            String iso = s.replace(' ', 'T');
            try {
                return LocalDateTime.parse(iso);
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(iso).toLocalDateTime();
            }
        } catch (DateTimeParseException e) {
            throw new HistoryException(file, row.line(), column + ": expected an ISO date or date-time "
                + "(2026-03-02 or 2026-03-02T14:30), got '" + text + "'");
        }
    }

    static boolean isDateOnly(String text) {
        return text.trim().length() == 10;
    }

    Double number(Row row, String column, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 0 && v < Double.POSITIVE_INFINITY) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new HistoryException(file, row.line(), column + ": expected a finite number >= 0, got '" + text + "'");
    }
}
