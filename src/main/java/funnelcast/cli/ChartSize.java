package funnelcast.cli;

import funnelcast.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** {@code --size WxH}: the pixel size of every chart a command writes, checked before the run. */
final class ChartSize {
    @Option(names = "--size", paramLabel = "WxH", description = "The charts' size in pixels, e.g. 1920x1080 for a "
        + "projector; their type scales with it (default 900x520).")
    String size;

    /** Refuses a bad --size at once, not after the run. */
    void check() {
        if (size != null) {
            dimensions(size);
        }
    }

    /** A writer of charts into {@code dir} at this size (or the default). */
    ChartWriter writer(Path dir, PrintWriter err) {
        if (size == null) {
            return new ChartWriter(dir, err);
        }
        int[] wh = dimensions(size);
        return new ChartWriter(dir, err, wh[0], wh[1]);
    }

    /** {@code WxH} read and checked: width 300..8000, height 200..8000 pixels. */
    static int[] dimensions(String size) {
        Matcher m = Pattern.compile("(\\d{2,5})x(\\d{2,5})").matcher(size.trim());
        if (!m.matches()) {
            throw new InputException("--size: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, got '" + size + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 300 || h < 200 || w > 8000 || h > 8000) {
            throw new InputException("--size: expected a width in 300..8000 and a height in 200..8000 pixels, got " + size);
        }
        return new int[] {w, h};
    }
}
