package funnelcast.chart;

import funnelcast.forecast.Forecast;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Scenarios side by side: their wins pmfs overlaid, and their fans (median and 80% band) overlaid. */
public final class CompareCharts {
    /**
     * One colour a scenario, in order, then again: Okabe and Ito's palette, which readers with a
     * colour-vision deficiency tell apart, without its vermilion, which is too near the target
     * line's red.
     */
    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000)};

    /** The first scenario's lines widest, each later one narrower, so that one drawn over another still shows both. */
    static float width(int i, float widest) {
        return Math.max(1f, widest - 1.2f * i);
    }

    private CompareCharts() {
    }

    /** The pmf of each scenario's horizon total (already won included), one line each, with the first's target. */
    public static JFreeChart wins(List<String> names, List<Forecast> forecasts) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < forecasts.size(); i++) {
            Forecast f = forecasts.get(i);
            XYSeries s = new XYSeries(names.get(i) + pHit(f));
            double[] p = f.wins().pmf();
            for (int k = 0; k < p.length; k++) {
                s.add(f.alreadyWon() + k, p[k]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("wins this period, side by side", "wins", "probability", data,
            PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        colour(r, forecasts.size());
        plot.setRenderer(r);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(ForecastCharts.percent());
        forecasts.get(0).target().ifPresent(t -> plot.addDomainMarker(ForecastCharts.line(t - 0.5, "target " + t)));
        ForecastCharts.style(plot);
        return chart;
    }

    /** Each scenario's median cumulative wins by day (solid) and its P10 and P90 (dashed), with the first's target. */
    public static JFreeChart fans(List<String> names, List<Forecast> forecasts) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < forecasts.size(); i++) {
            Forecast f = forecasts.get(i);
            XYSeries median = new XYSeries(names.get(i) + " median");
            XYSeries low = new XYSeries(names.get(i) + " P10");
            XYSeries high = new XYSeries(names.get(i) + " P90");
            for (Forecast.Day d : f.daily().stream().map(f::totalOn).toList()) {
                double x = ForecastCharts.millis(d.date());
                median.add(x, d.p50());
                low.add(x, d.p10());
                high.add(x, d.p90());
            }
            data.addSeries(median);
            data.addSeries(low);
            data.addSeries(high);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("how the period unfolds, side by side", "date (working days only)",
            "cumulative wins", data, true, false, false);
        chart.addSubtitle(new TextTitle("solid: median; dashed: the 80% band (P10 and P90)"));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < forecasts.size(); i++) {
            Color c = COLOURS[i % COLOURS.length];
            for (int j = 0; j < 3; j++) {
                r.setSeriesPaint(3 * i + j, c);
                r.setSeriesStroke(3 * i + j, j == 0 ? new BasicStroke(width(i, 5f))
                    : new BasicStroke(width(i, 2.4f) / 2 + 0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                        new float[] {6f, 4f}, 0f));
                r.setSeriesVisibleInLegend(3 * i + j, j == 0);
            }
        }
        plot.setRenderer(r);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("MMM d", Locale.ROOT));
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone("UTC"));
        forecasts.get(0).target().ifPresent(t -> plot.addRangeMarker(ForecastCharts.horizontal(t, "target " + t)));
        ForecastCharts.style(plot);
        return chart;
    }

    private static String pHit(Forecast f) {
        return f.pHitTarget().isPresent()
            ? String.format(Locale.ROOT, " (P(hit) %.1f%%)", 100 * f.pHitTarget().getAsDouble()) : "";
    }

    private static void colour(XYLineAndShapeRenderer r, int n) {
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            r.setSeriesStroke(i, new BasicStroke(width(i, 4.5f)));
        }
    }
}
