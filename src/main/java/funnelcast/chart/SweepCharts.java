package funnelcast.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/** A sweep over two parameters: P(hit target) as a heat map, each cell a case. */
public final class SweepCharts {
    private SweepCharts() {
    }

    /**
     * Cells at (column i of {@code xs}, row j of {@code ys}) with {@code pHit[i][j]} (NaN: the case
     * failed or has no target, drawn grey).
     */
    public static JFreeChart heatMap(String xName, List<String> xs, String yName, List<String> ys, double[][] pHit) {
        int n = xs.size() * ys.size();
        double[][] data = new double[3][n];
        int c = 0;
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                data[0][c] = i;
                data[1][c] = j;
                data[2][c] = pHit[i][j];
                c++;
            }
        }
        DefaultXYZDataset set = new DefaultXYZDataset();
        set.addSeries("P(hit target)", data);
        XYBlockRenderer r = new XYBlockRenderer();
        PaintScale scale = new Scale();
        r.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(axisTitle(xName), xs.toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(axisTitle(yName), ys.toArray(String[]::new));
        XYPlot plot = new XYPlot(set, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("P(hit target) over the sweep", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("P(hit target)");
        legendAxis.setRange(0, 1);
        legendAxis.setNumberFormatOverride(ForecastCharts.percent());
        legendAxis.setTickUnit(new NumberTickUnit(0.1)); // 0%, 10%, ... 100%: a scale read at a glance
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        // each cell's value written on it
        for (int k = 0; k < n; k++) {
            double v = data[2][k];
            var a = new XYTextAnnotation(Double.isNaN(v) ? "-"
                : String.format(Locale.ROOT, "%.0f%%", 100 * v), data[0][k], data[1][k]);
            a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            // white on the deep ends of the scale, black near 50%
            a.setPaint(Double.isNaN(v) || Math.abs(v - 0.5) < 0.3 ? Color.BLACK : Color.WHITE);
            plot.addAnnotation(a);
        }
        return chart;
    }

    /**
     * An axis title a director reads: what the path changes, in words where it is a common one,
     * with the path itself in brackets (the CSV's column).
     */
    static String axisTitle(String path) {
        String[] p = path.split("\\.");
        String words;
        if (path.equals("inflow.perDay")) {
            words = "new deals a day";
        } else if (path.equals("inflow.perRepPerDay")) {
            words = "new deals a day per rep";
        } else if (path.equals("inflow.reps")) {
            words = "reps";
        } else if (path.equals("target.wins")) {
            words = "target (wins)";
        } else if (p.length == 4 && p[0].equals("stages") && p[2].equals("exits")) {
            words = p[1] + " → " + p[3];
        } else if (p.length >= 3 && p[0].equals("stages") && p[2].equals("dwell")) {
            words = p[1] + " dwell " + String.join(".", Arrays.copyOfRange(p, 3, p.length));
        } else {
            return path;
        }
        return words + " (" + path + ")";
    }

    /**
     * A diverging scale centred on 50%: red below (a target more likely missed), white at an even
     * chance, blue above; grey where there is no value.
     */
    private static final class Scale implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;

        private static final Color LOW = new Color(0xB2182B);
        private static final Color HIGH = new Color(0x2166AC);

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return Color.LIGHT_GRAY;
            }
            double t = Math.max(0, Math.min(1, v));
            Color end = t < 0.5 ? LOW : HIGH;
            double w = Math.abs(t - 0.5) * 2; // 0 at 50%, 1 at either end
            return new Color((int) Math.round(255 + (end.getRed() - 255) * w), (int) Math.round(255 + (end.getGreen() - 255) * w),
                (int) Math.round(255 + (end.getBlue() - 255) * w));
        }
    }
}
