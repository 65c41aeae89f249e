package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    /** A write stopped between its temporary file and the move: the exit clean-up removes the temporary file. */
    @Test
    void aWriteCutShortLeavesTheOldFileAndTheCleanUpRemovesItsTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("forecast.json");
        Files.writeString(target, "old");
        Path tmp = AtomicFiles.begin(target);
        Files.writeString(tmp, "half of the new");
        assertTrue(Files.exists(tmp));
        AtomicFiles.cleanUp(); // what the shutdown hook runs on Ctrl-C or SIGTERM
        assertFalse(Files.exists(tmp), "the temporary file is gone");
        assertEquals("old", Files.readString(target), "the old file is whole");
    }

    @Test
    void aWriteReplacesTheFileWholeWithOrdinaryPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
