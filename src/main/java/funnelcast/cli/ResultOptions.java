package funnelcast.cli;

import funnelcast.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --out DIR}: how a command gives its result besides the table it prints. */
final class ResultOptions {
    @Mixin
    JsonOption json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the result as JSON and its charts "
        + "(PNG and SVG) into DIR.")
    Path out;

    @Option(names = "--size", paramLabel = "WxH", description = "The charts' size in pixels, e.g. 1920x1080 for a "
        + "projector; their type scales with it (default 900x520).")
    String size;

    boolean json() {
        return json.on;
    }

    /** Writes the charts into --out at --size. */
    ChartWriter charts(PrintWriter err) {
        if (size == null) {
            return new ChartWriter(out, err);
        }
        Matcher m = Pattern.compile("(\\d{2,5})x(\\d{2,5})").matcher(size.trim());
        if (!m.matches()) {
            throw new InputException("--size: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, got '" + size + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 300 || h < 200 || w > 8000 || h > 8000) {
            throw new InputException("--size: expected a width in 300..8000 and a height in 200..8000 pixels, got " + size);
        }
        return new ChartWriter(out, err, w, h);
    }
}
