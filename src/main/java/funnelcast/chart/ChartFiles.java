package funnelcast.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** A chart's PNG and SVG bytes; the command line writes them (atomically) where it is told. */
public final class ChartFiles {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;

    private ChartFiles() {
    }

    /**
     * Scales a chart's type (titles, legend, axes, marker labels) and lines for a size other than
     * the default 900x520, so that a chart drawn at 1920x1080 for a projector reads as the default
     * does on a screen. The factor is the smaller of the two ratios.
     */
    public static JFreeChart forSize(JFreeChart chart, int width, int height) {
        float k = (float) Math.min(width / (double) WIDTH, height / (double) HEIGHT);
        if (k == 1f) {
            return chart;
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(scaled(chart.getTitle().getFont(), k));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setFont(scaled(t.getFont(), k));
            } else if (chart.getSubtitle(i) instanceof LegendTitle l) {
                l.setItemFont(scaled(l.getItemFont(), k));
            }
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            axes(k, xy.getDomainAxis(), xy.getRangeAxis());
            markers(k, xy.getDomainMarkers(Layer.FOREGROUND), xy.getDomainMarkers(Layer.BACKGROUND),
                xy.getRangeMarkers(Layer.FOREGROUND), xy.getRangeMarkers(Layer.BACKGROUND));
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            axes(k, cat.getDomainAxis(), cat.getRangeAxis());
            markers(k, cat.getRangeMarkers(Layer.FOREGROUND), cat.getRangeMarkers(Layer.BACKGROUND));
        }
        return chart;
    }

    private static void axes(float k, Axis... axes) {
        for (Axis a : axes) {
            if (a != null) {
                a.setLabelFont(scaled(a.getLabelFont(), k));
                a.setTickLabelFont(scaled(a.getTickLabelFont(), k));
            }
        }
    }

    @SafeVarargs
    private static void markers(float k, Collection<? extends Marker>... groups) {
        for (var group : groups) {
            if (group == null) {
                continue;
            }
            for (Marker m : group) {
                m.setLabelFont(scaled(m.getLabelFont(), k));
                if (m.getStroke() instanceof BasicStroke b) {
                    m.setStroke(new BasicStroke(b.getLineWidth() * k));
                }
            }
        }
    }

    private static Font scaled(Font f, float k) {
        return f.deriveFont(f.getSize2D() * k);
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

    /** The same, without fixed dimensions but with a view box: it scales to the width a page gives it. */
    public static String svgScalable(JFreeChart chart, int width, int height, String prefix) {
        return draw(chart, width, height, prefix).getSVGElement(null, false,
            new ViewBox(0, 0, width, height), null, null);
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
