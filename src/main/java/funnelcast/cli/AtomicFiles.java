package funnelcast.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then moved into place. A
 * run stopped part way (Ctrl-C, SIGTERM) runs the shutdown hook, which deletes the temporary
 * files still pending, so the old file stays as it was and nothing is left behind.
 *
 * <p>For the test that stops a run in the middle of a write: with the system property
 * {@value #PAUSE_PROPERTY} set to a file name, the write of that file stops half way for a minute
 * and says so on standard error ({@value #PAUSED}), so the test can stop the run right then.
 */
final class AtomicFiles {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

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

    static final String PAUSE_PROPERTY = "funnelcast.test.pauseMidWrite";
    static final String PAUSED = "funnelcast: paused mid-write of ";

    static void write(Path target, byte[] content) throws IOException {
        Path tmp = begin(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int half = content.length / 2;
                out.write(content, 0, half);
                pauseForTest(target, out);
                out.write(content, half, content.length - half);
            }
            try {
                // a temporary file is created private (600); the output is an ordinary file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
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

    /** The test hook: half the bytes on disk, then a pause long enough to stop the run. */
    private static void pauseForTest(Path target, OutputStream out) throws IOException {
        String name = System.getProperty(PAUSE_PROPERTY);
        Path file = target.getFileName();
        if (name == null || file == null || !name.equals(file.toString())) {
            return;
        }
        out.flush();
        System.err.println(PAUSED + target);
        System.err.flush();
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The temporary file a write of {@code target} goes through, registered for clean-up at exit. */
    static Path begin(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || target.getFileName() == null) {
            throw new IOException(target + " is not a file path");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        PENDING.add(tmp);
        return tmp;
    }
}
