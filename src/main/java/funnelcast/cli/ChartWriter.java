package funnelcast.cli;

import funnelcast.chart.ChartFiles;
import funnelcast.chart.ChartFonts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/** Writes charts as NAME.png and NAME.svg into a folder, each file whole or not at all. */
final class ChartWriter {
    private final Path dir;
    private final int width;
    private final int height;
    private final List<Path> written = new ArrayList<>();

    ChartWriter(Path dir, PrintWriter err) {
        this(dir, err, ChartFiles.WIDTH, ChartFiles.HEIGHT);
    }

    /** Charts of this size in pixels, their type scaled with it. */
    ChartWriter(Path dir, PrintWriter err, int width, int height) {
        this.dir = dir;
        this.width = width;
        this.height = height;
        ChartFonts.warnTo(line -> {
            err.println(line);
            err.flush();
        });
    }

    void write(String name, JFreeChart chart) throws IOException {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        ChartFiles.forSize(chart, width, height);
        AtomicFiles.write(png, ChartFiles.png(chart, width, height));
        AtomicFiles.write(svg, ChartFiles.svg(chart, width, height));
        written.add(png);
        written.add(svg);
    }

    List<Path> written() {
        return written;
    }
}
