package funnelcast.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import funnelcast.model.ScenarioException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** A value of the scenario tree with its path ({@code stages[2].exits.need}), for messages. */
record JsonAt(JsonNode json, String path) {

    boolean isMissing() {
        return json == null || json.isMissingNode() || json.isNull();
    }

    boolean has(String key) {
        return !field(key).isMissing();
    }

    JsonAt field(String key) {
        return new JsonAt(json == null ? null : json.get(key), path.isEmpty() ? key : path + "." + key);
    }

    JsonAt at(int i) {
        return new JsonAt(json.get(i), path + "[" + i + "]");
    }

    ScenarioException error(String expected) {
        return new ScenarioException(path, "expected " + expected + ", got " + describe());
    }

    String describe() {
        if (isMissing()) {
            return "nothing (the value is required)";
        }
        if (json.isTextual()) {
            return "'" + json.textValue() + "'";
        }
        if (json.isNumber()) {
            return json.numberValue().toString();
        }
        if (json.isBoolean()) {
            return json.asText();
        }
        if (json.isArray()) {
            return "a list";
        }
        return "an object";
    }

    JsonAt object() {
        if (isMissing() || !json.isObject()) {
            throw error("an object");
        }
        return this;
    }

    /** Checks that the object has only the allowed keys; a near miss is named. */
    JsonAt allowKeys(List<String> allowed) {
        object();
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                String hint = closest(key, allowed);
                throw new ScenarioException(path.isEmpty() ? key : path + "." + key,
                    "unknown key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; expected one of: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        object().json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    List<JsonAt> list() {
        if (isMissing() || !json.isArray()) {
            throw error("a list");
        }
        List<JsonAt> items = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            items.add(at(i));
        }
        return items;
    }

    String text() {
        if (isMissing() || !json.isTextual()) {
            throw error("a text");
        }
        return json.textValue();
    }

    double number() {
        if (isMissing() || !json.isNumber()) {
            throw error("a number");
        }
        double v = json.doubleValue();
        if (!Double.isFinite(v)) {
            throw error("a finite number");
        }
        return v;
    }

    double nonNegative() {
        double v = number();
        if (v >= 0) {
            return v;
        }
        throw error("a number >= 0");
    }

    double positive() {
        double v = number();
        if (v > 0) {
            return v;
        }
        throw error("a number > 0");
    }

    int wholeNumber(int min) {
        double v = number();
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw error("a whole number >= " + min);
        }
        return (int) v;
    }

    LocalDate date() {
        String s = isMissing() || !json.isTextual() ? null : json.textValue();
        try {
            if (s != null) {
                return LocalDate.parse(s);
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw error("an ISO date (YYYY-MM-DD)");
    }

    private static String closest(String key, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = a.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)) ? 0 : distance(key, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
