package funnelcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import funnelcast.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The one mapper every command's --json goes through. */
final class Json {
    static final ObjectMapper MAPPER = Mappers.OUTPUT;

    private Json() {
    }

    /** Writes the value as a file, whole or not at all. */
    static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, text(value).getBytes(StandardCharsets.UTF_8));
    }

    /** A record (or a tree) as indented JSON and a line end. */
    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
