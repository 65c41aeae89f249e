package funnelcast.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import funnelcast.model.Scenario;
import funnelcast.model.ScenarioException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A scenario document as read from its file, before it is parsed: its name (for messages), its
 * text, and whether it is YAML. Serializable, so a scenario can be read on one machine and
 * parsed, with its settings, on another (a sweep's cases on Spark executors).
 */
public record ScenarioSource(String name, String text, boolean yaml) implements Serializable {
    /** Reads and checks a scenario file. */
    public static Scenario readFile(Path file) {
        return readFile(file, List.of());
    }

    /** Reads a scenario file, applies the settings to it ({@link Setting}), and checks the result as a file. */
    public static Scenario readFile(Path file, List<Setting> settings) {
        return load(file).read(settings);
    }

    /** Reads a scenario file: JSON, or YAML by its extension (.yaml, .yml). */
    public static ScenarioSource load(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > ScenarioReader.MAX_DOCUMENT_CHARS) {
                throw new ScenarioException(name, "", "the file is larger than " + ScenarioReader.MAX_DOCUMENT_CHARS
                    + " bytes, which no scenario needs; refusing to read it");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String lower = name.toLowerCase(Locale.ROOT);
            return new ScenarioSource(name, text, lower.endsWith(".yaml") || lower.endsWith(".yml"));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, "", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** The document as a tree (YAML read as the same tree JSON gives). */
    public JsonNode document() {
        return ScenarioReader.document(text, name, yaml, List.of());
    }

    /**
     * The document with the settings applied, written back in its own format: checked first as
     * a file is, so that what is written can be read again.
     */
    public String edited(List<Setting> settings) {
        var tree = ScenarioReader.document(text, name, yaml, settings);
        ScenarioReader.check(tree.deepCopy(), name);
        return ScenarioReader.write(tree, yaml);
    }

    /** Parses the document, applies the settings ({@link Setting}) and checks the result as a file. */
    public Scenario read(List<Setting> settings) {
        return ScenarioReader.parse(text, name, yaml, settings);
    }
}
