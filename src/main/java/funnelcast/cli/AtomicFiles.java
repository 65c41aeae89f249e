package funnelcast.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then moved into place. A
 * run stopped part way (Ctrl-C, SIGTERM) runs the shutdown hook, which deletes the temporary
 * files still pending, so the old file stays as it was and nothing is left behind.
 */
final class AtomicFiles {
    private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::cleanUp, "funnelcast-cleanup"));
    }

    private AtomicFiles() {
    }

    /** Deletes every temporary file not yet moved into place. */
    static void cleanUp() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort at exit
            }
            PENDING.remove(p);
        }
    }

    static void write(Path target, byte[] content) throws IOException {
        Path tmp = begin(target);
        try {
            Files.write(tmp, content);
            try {
                // a temporary file is created private (600); the output is an ordinary file
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // other file systems keep their defaults
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            PENDING.remove(tmp);
        }
    }

    /** The temporary file a write of {@code target} goes through, registered for clean-up at exit. */
    static Path begin(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        PENDING.add(tmp);
        return tmp;
    }
}
