package funnelcast.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A chart's PNG and SVG bytes; the command line writes them (atomically) where it is told. */
public final class ChartFiles {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;

    private ChartFiles() {
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] svg(JFreeChart chart, int width, int height) {
        return svgText(chart, width, height).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The bare {@code <svg>} element, for inlining in an HTML page; {@code prefix} keeps its ids
     * (clip paths) apart from those of the page's other charts.
     */
    public static String svgElement(JFreeChart chart, int width, int height, String prefix) {
        return draw(chart, width, height, prefix).getSVGElement();
    }

    public static String svgText(JFreeChart chart, int width, int height) {
        return draw(chart, width, height, "chart").getSVGDocument();
    }

    /** A fixed id prefix (JFreeSVG's default is time-based): the same chart gives the same bytes. */
    private static SVGGraphics2D draw(JFreeChart chart, int width, int height, String prefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(prefix + "-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2;
    }
}
