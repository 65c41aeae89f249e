package funnelcast.robustness;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control for {@link HostileInputTest}'s interrupted write: a writer that is not atomic. It
 * writes straight into the file, pausing half way as the product's writer does under the test
 * hook, so the test can show that its check catches a half-written file.
 */
final class NaiveWriter {
    private NaiveWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        byte[] content = "{ \"a forecast\": \"written in one go\" }".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(content, 0, content.length / 2);
            out.flush();
            System.err.println("funnelcast: paused mid-write of " + target);
            System.err.flush();
            Thread.sleep(60_000);
            out.write(content, content.length / 2, content.length - content.length / 2);
        }
    }
}
