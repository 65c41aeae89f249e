package funnelcast.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import funnelcast.InputException;
import funnelcast.Mappers;
import funnelcast.model.Exit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A what-if without editing the file: {@code PATH=VALUE}, with the path as the error messages
 * write it ({@code inflow.perDay}, {@code stages[0].exits.need}) and a stage's id allowed in place
 * of its index ({@code stages.contact.exits.need}). The value is read as JSON where it is JSON (a
 * number, true, a quoted text, a list) and as text otherwise. Settings edit the document before it
 * is read, so the edited scenario is checked exactly as a file is. Setting one exit of a stage
 * (other than {@code lost}) moves the difference onto that stage's {@code lost} exit, and is
 * refused when {@code lost} would fall below 0.
 */
public record Setting(String path, String value) implements Serializable {
    private static final ObjectMapper JSON = Mappers.PLAIN;

    /** Reads {@code PATH=VALUE}. */
    public static Setting parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InputException("--set " + text + ": expected PATH=VALUE, e.g. inflow.perDay=6.5");
        }
        return new Setting(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    public static List<Setting> parseAll(List<String> texts) {
        List<Setting> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t));
        }
        return out;
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }

    /** The value as the document would hold it. */
    JsonNode node() {
        try {
            JsonNode n = JSON.readTree(value);
            if (n != null && !n.isMissingNode()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a plain text such as a date or an id
        }
        return TextNode.valueOf(value);
    }

    /** Applies this setting to a scenario document. */
    void apply(ObjectNode root) {
        List<String> steps = steps();
        JsonNode at = root;
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < steps.size() - 1; i++) {
            at = child(at, steps.get(i), where);
            where.append(where.length() == 0 ? "" : ".").append(label(steps.get(i)));
        }
        String last = steps.get(steps.size() - 1);
        JsonNode value = node();
        if (at instanceof ObjectNode object) {
            if (isExit(steps)) {
                checkDestination(root, object, last, where);
            }
            if (isExit(steps) && !last.equals(Exit.LOST) && value.isNumber()) {
                moveToLost(object, last, value.doubleValue());
            }
            object.set(last, value);
        } else if (at instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw refuse("there is no " + last + " to set at " + (where.length() == 0 ? "the top level" : where));
        }
    }

    /** stages.{id or index}.exits.{destination} */
    private static boolean isExit(List<String> steps) {
        return steps.size() == 4 && steps.get(0).equals("stages") && steps.get(2).equals("exits");
    }

    /**
     * An exit's destination is checked before its value: a misspelt one ({@code exits.evalute})
     * is named as such, not reported as the lost exit it would change. A new exit may go to any
     * stage, won or lost.
     */
    private void checkDestination(ObjectNode root, ObjectNode exits, String destination, CharSequence where) {
        if (exits.has(destination) || destination.equals(Exit.WON) || destination.equals(Exit.LOST)) {
            return;
        }
        List<String> stages = new ArrayList<>();
        for (JsonNode stage : root.path("stages")) {
            stages.add(stage.path("id").asText());
        }
        if (stages.contains(destination)) {
            return;
        }
        List<String> present = new ArrayList<>();
        exits.fieldNames().forEachRemaining(present::add);
        throw refuse(String.format(Locale.ROOT, "%s has no exit '%s' and no stage is called so; its exits are %s, and "
            + "a new exit goes to a stage (%s), won or lost", where, destination, String.join(", ", present),
            String.join(", ", stages)));
    }

    private void moveToLost(ObjectNode exits, String destination, double probability) {
        double old = exits.path(destination).asDouble(0);
        double lost = exits.path(Exit.LOST).asDouble(0);
        double now = lost - (probability - old);
        if (now < -1e-9) {
            throw refuse(String.format(Locale.ROOT, "the stage's lost exit would fall to %.4g; lower another "
                + "exit first, or set lost too", now));
        }
        if (exits.has(Exit.LOST) || now > 0) {
            exits.set(Exit.LOST, DoubleNode.valueOf(Math.max(0, now)));
        }
    }

    /** The path's steps: names, and indexes or ids of list elements ({@code stages[2]} or {@code stages.contact}). */
    private List<String> steps() {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            String name = part;
            List<String> indexes = new ArrayList<>();
            while (name.endsWith("]") && name.contains("[")) {
                indexes.add(0, name.substring(name.lastIndexOf('[') + 1, name.length() - 1));
                name = name.substring(0, name.lastIndexOf('['));
            }
            if (name.isEmpty() && indexes.isEmpty()) {
                throw refuse("expected a path such as inflow.perDay or stages.contact.exits.need");
            }
            if (!name.isEmpty()) {
                steps.add(name);
            }
            steps.addAll(indexes);
        }
        return steps;
    }

    /** The step's node below {@code at}: a list element by index or id, or an object's key (added when missing). */
    private JsonNode child(JsonNode at, String step, StringBuilder where) {
        if (at instanceof ArrayNode array) {
            if (step.matches("\\d+")) {
                int i = Integer.parseInt(step);
                if (i < array.size()) {
                    return array.get(i);
                }
                throw refuse(where + " has " + array.size() + " elements; there is no [" + i + "]");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode e : array) {
                if (e.path("id").isTextual()) {
                    if (e.path("id").asText().equals(step)) {
                        return e;
                    }
                    ids.add(e.path("id").asText());
                }
            }
            throw refuse("no element '" + step + "' in " + where + "; expected an index or one of: " + String.join(", ", ids));
        }
        if (at instanceof ObjectNode object) {
            JsonNode next = object.get(step);
            if (next == null) {
                return object.putObject(step);
            }
            if (next instanceof ObjectNode || next instanceof ArrayNode) {
                return next;
            }
        }
        throw refuse((where.length() == 0 ? "the top level" : where) + "." + step + " is not an object or a list");
    }

    /** How a step is written in messages: a list element by its index. */
    private static String label(String step) {
        return step.matches("\\d+") ? "[" + step + "]" : step;
    }

    private InputException refuse(String why) {
        return new InputException("--set " + this + ": " + why);
    }
}
