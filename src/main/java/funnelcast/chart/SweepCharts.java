package funnelcast.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
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
        SymbolAxis x = new SymbolAxis(xName, xs.toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(yName, ys.toArray(String[]::new));
        XYPlot plot = new XYPlot(set, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("P(hit target) over the sweep", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("P(hit target)");
        legendAxis.setRange(0, 1);
        legendAxis.setNumberFormatOverride(ForecastCharts.percent());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        // each cell's value written on it
        for (int k = 0; k < n; k++) {
            double v = data[2][k];
            var a = new XYTextAnnotation(Double.isNaN(v) ? "-"
                : String.format(Locale.ROOT, "%.0f%%", 100 * v), data[0][k], data[1][k]);
            a.setPaint(Double.isNaN(v) || v < 0.55 ? Color.BLACK : Color.WHITE);
            plot.addAnnotation(a);
        }
        return chart;
    }

    /** Light (0%) to dark blue (100%); grey where there is no value. */
    private static final class Scale implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;

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
            return new Color((int) (235 - 204 * t), (int) (243 - 165 * t), (int) (251 - 130 * t));
        }
    }
}
