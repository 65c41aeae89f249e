package funnelcast.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import funnelcast.InputException;
import funnelcast.Mappers;
import funnelcast.model.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an organisation file (YAML or JSON): {@code {"name", "target": {"wins": N}, "children":
 * [...]}}, each child a level of the same shape or the path of a scenario file, or of a folder of
 * them (as {@code calibrate --by} writes), relative to the organisation file. Errors name the file
 * and the path of the value: a missing file, a folder without scenarios, two children of one name.
 */
public final class OrgReader {
    private static final List<String> KEYS = List.of("name", "target", "sharedMonth", "children");

    private OrgReader() {
    }

    public static Org.Level read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the organisation file: " + e.getMessage());
        }
        boolean yaml = file.toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$");
        JsonNode root;
        try {
            root = (yaml ? Mappers.SCENARIO_YAML : Mappers.SCENARIO_JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + ": " + e.getOriginalMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return level(new JsonAt(root, ""), dir);
        } catch (ScenarioException e) {
            throw e.withFile(file.toString());
        }
    }

    private static Org.Level level(JsonAt node, Path dir) {
        node.object().allowKeys(KEYS);
        String name = node.field("name").text();
        OptionalInt target = OptionalInt.empty();
        if (node.has("target")) {
            JsonAt t = node.field("target").object().allowKeys(List.of("wins"));
            target = OptionalInt.of(t.field("wins").wholeNumber(0));
        }
        List<Org> children = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonAt child : node.field("children").list()) {
            List<Org> made = new ArrayList<>();
            if (child.json() != null && child.json().isTextual()) {
                made.addAll(teams(child, dir));
            } else {
                made.add(level(child, dir));
            }
            for (Org o : made) {
                if (!names.add(o.name())) {
                    throw child.error("a child whose name is not taken: '" + o.name() + "' is the name of another child "
                        + "of this level (give each scenario its own name)");
                }
                children.add(o);
            }
        }
        if (children.isEmpty()) {
            throw node.field("children").error("at least one child (a level, or the path of a scenario file)");
        }
        boolean shared = false;
        if (node.has("sharedMonth")) {
            JsonAt s = node.field("sharedMonth");
            if (s.json() == null || !s.json().isBoolean()) {
                throw s.error("true or false (whether the level's teams share the month's conversion shift)");
            }
            shared = s.json().booleanValue();
        }
        return new Org.Level(name, target, children, shared);
    }

    /** A scenario file, or each scenario file of a folder (sorted by name). */
    private static List<Org> teams(JsonAt child, Path dir) {
        Path path = dir.resolve(child.text());
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
            } catch (IOException e) {
                throw child.error("a folder that can be listed (" + e.getMessage() + ")");
            }
            if (files.isEmpty()) {
                throw child.error("a folder holding scenario files (.json, .yaml, .yml), got '" + child.text() + "' with none");
            }
            return files.stream().map(f -> (Org) team(f)).toList();
        }
        if (!Files.isRegularFile(path)) {
            throw child.error("the path of a scenario file or folder, relative to the organisation file; no such file: '"
                + child.text() + "'");
        }
        return List.of(team(path));
    }

    private static Org.Team team(Path file) {
        var scenario = ScenarioSource.readFile(file);
        return new Org.Team(scenario.name(), file, scenario);
    }
}
