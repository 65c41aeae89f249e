package funnelcast.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON result laid out as tables, key for key as {@code --json} writes it: the scalars, nested
 * objects' included under dotted names ({@code thisPeriod.inflowPerDay}), as rows of a first
 * sheet named after the result; each list of objects as a sheet of its own, one row an element,
 * one column a key (nested objects again dotted, lists of scalars inside an element written as
 * text); each list of numbers as a sheet of index and value. Numbers stay numbers, ISO dates
 * become dates, true and false stay booleans.
 */
public final class Tables {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Excel's longest sheet name. */
    static final int MAX_NAME = 31;

    private Tables() {
    }

    /** The result's tables, the first named {@code name} (a result that is a list is that one sheet). */
    public static List<Table> of(String name, JsonNode result) {
        Map<String, Table> sheets = new LinkedHashMap<>();
        if (result.isArray()) {
            list(name, result, sheets);
        } else {
            List<List<Object>> rows = new ArrayList<>();
            sheets.put(name, null); // the summary comes first
            walk("", result, rows, sheets);
            sheets.put(name, new Table(name, List.of("key", "value"), rows));
        }
        return List.copyOf(sheets.values());
    }

    private static void walk(String prefix, JsonNode node, List<List<Object>> rows, Map<String, Table> sheets) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                walk(key + ".", value, rows, sheets);
            } else if (value.isArray()) {
                list(key, value, sheets);
            } else {
                List<Object> row = new ArrayList<>();
                row.add(key);
                row.add(cell(value));
                rows.add(row);
            }
        }
    }

    /** A list as its own sheet: objects one a row, scalars with their index. */
    private static void list(String key, JsonNode array, Map<String, Table> sheets) {
        list(key, List.of(new Group(null, array)), sheets, null);
    }

    /** A list found inside an element of an enclosing list, with the element's first cell as its label. */
    private record Group(Object label, JsonNode array) {
    }

    /**
     * The lists of one key, one from each element of an enclosing list (or the one list at the top),
     * as one sheet; under a parent, each row starts with its element's first cell, under that
     * column's name, so that the rows can be told apart. Lists of objects inside these elements
     * become sheets of their own in turn.
     */
    private static void list(String key, List<Group> groups, Map<String, Table> sheets, String parentColumn) {
        boolean objects = false;
        boolean scalars = false;
        for (Group g : groups) {
            for (JsonNode e : g.array()) {
                objects |= e.isObject();
                scalars |= !e.isObject();
            }
        }
        String name = unique(sheetName(key), sheets.keySet());
        sheets.put(name, null); // the place of this sheet, before those of the lists inside it
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        if (parentColumn != null) {
            columns.add(parentColumn);
        }
        if (objects && !scalars) {
            Set<String> keys = new LinkedHashSet<>();
            List<Object> labels = new ArrayList<>();
            List<Map<String, Object>> flat = new ArrayList<>();
            Map<String, List<Group>> inner = new LinkedHashMap<>(); // lists of objects inside the elements
            List<Map<String, JsonNode>> innerOf = new ArrayList<>();
            for (Group g : groups) {
                for (JsonNode e : g.array()) {
                    Map<String, Object> cells = new LinkedHashMap<>();
                    Map<String, JsonNode> lists = new LinkedHashMap<>();
                    flatten("", e, cells, lists);
                    keys.addAll(cells.keySet());
                    flat.add(cells);
                    labels.add(g.label());
                    innerOf.add(lists);
                }
            }
            columns.addAll(keys);
            String first = keys.isEmpty() ? null : keys.iterator().next();
            for (int i = 0; i < flat.size(); i++) {
                List<Object> row = new ArrayList<>();
                if (parentColumn != null) {
                    row.add(labels.get(i));
                }
                for (String c : keys) {
                    row.add(flat.get(i).get(c));
                }
                rows.add(row);
                Object label = first == null ? i : flat.get(i).get(first);
                for (Map.Entry<String, JsonNode> list : innerOf.get(i).entrySet()) {
                    inner.computeIfAbsent(list.getKey(), k -> new ArrayList<>()).add(new Group(label, list.getValue()));
                }
            }
            sheets.put(name, new Table(name, columns, rows));
            for (Map.Entry<String, List<Group>> list : inner.entrySet()) {
                list(key + "." + list.getKey(), list.getValue(), sheets, first == null ? "element" : first);
            }
        } else {
            columns.addAll(List.of("index", last(key)));
            for (Group g : groups) {
                int i = 0;
                for (JsonNode e : g.array()) {
                    List<Object> row = new ArrayList<>();
                    if (parentColumn != null) {
                        row.add(g.label());
                    }
                    row.add(i++);
                    row.add(e.isContainerNode() ? e.toString() : cell(e));
                    rows.add(row);
                }
            }
            sheets.put(name, new Table(name, columns, rows));
        }
    }

    /**
     * An element's cells: nested objects under dotted names, lists of scalars written as their JSON
     * text; lists of objects set aside for a sheet of their own.
     */
    private static void flatten(String prefix, JsonNode node, Map<String, Object> cells, Map<String, JsonNode> lists) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String key = prefix + field.getKey();
            if (value.isObject()) {
                flatten(key + ".", value, cells, lists);
            } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                lists.put(key, value);
            } else {
                cells.put(key, value.isArray() ? value.toString() : cell(value));
            }
        }
    }

    /** A JSON scalar as a cell's value: a number, a date, a boolean, a string, or null. */
    static Object cell(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        return text;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** A name Excel takes: no []:*?/\ characters, at most 31 long (the end kept, where the name is most specific). */
    static String sheetName(String key) {
        String s = key.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return s.length() <= MAX_NAME ? s : s.substring(s.length() - MAX_NAME);
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; taken.stream().anyMatch(candidate::equalsIgnoreCase); i++) {
            String suffix = " (" + i + ")";
            candidate = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return candidate;
    }
}
