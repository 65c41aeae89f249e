package funnelcast.chart;

import funnelcast.forecast.Forecast;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The forecast's two charts: the distribution of the horizon's wins, and the day-by-day fan. */
public final class ForecastCharts {
    static final Color BAR = new Color(0x3B6EA5);
    static final Color TARGET = new Color(0xC0392B);
    static final Color ALREADY = new Color(0xDDE8D0);
    /** The bars at or above the target: a green that stays apart from the bars' blue and the target's red. */
    static final Color HIT = new Color(0x2E8B57);

    private ForecastCharts() {
    }

    /** The text written on the wins chart: P(hit) and the P10/P50/P90 of the month's total. */
    public static String winsSummary(Forecast f) {
        Forecast.Total t = f.total();
        int a = f.alreadyWon();
        String hit = t.pHitTarget().isPresent()
            ? String.format(Locale.ROOT, "P(hit target) = %.1f%%   ", 100 * t.pHitTarget().getAsDouble()) : "";
        return hit + String.format(Locale.ROOT, "P10 %d · P50 %d · P90 %d wins%s", t.p10(), t.p50(), t.p90(),
            a > 0 ? " (with " + a + " already won)" : "");
    }

    public static String targetLabel(Forecast f) {
        return "target " + f.target().orElse(0);
    }

    /**
     * Bars of the pmf of the horizon's total wins (already won plus those in the horizon), the
     * already-won wins shaded, the target as a vertical line.
     */
    public static JFreeChart wins(Forecast f) {
        int a = f.alreadyWon();
        // the bars that hit the target in their own colour: the share of them is P(hit)
        int target = f.target().orElse(Integer.MAX_VALUE);
        XYSeries below = new XYSeries("below the target");
        XYSeries hit = new XYSeries("at or above the target");
        double[] p = f.wins().pmf();
        for (int k = 0; k < p.length; k++) {
            (a + k >= target ? hit : below).add(a + k, p[k]);
        }
        XYSeriesCollection bars = new XYSeriesCollection(below);
        bars.addSeries(hit);
        ChartFonts.Labels title = ChartFonts.title(f.scenario());
        JFreeChart chart = ChartFactory.createXYBarChart(title.get(0) + ": wins this period", "wins (month's total)", false,
            "probability", bars, PlotOrientation.VERTICAL, f.target().isPresent(), false, false);
        title.apply(chart);
        chart.addSubtitle(new TextTitle(winsSummary(f)));
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer r = (XYBarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, BAR);
        r.setSeriesPaint(1, HIT);
        r.setShadowVisible(false);
        r.setBarPainter(new StandardXYBarPainter());
        r.setMargin(0.1);
        if (a > 0) {
            IntervalMarker done = new IntervalMarker(-0.5, a - 0.5, ALREADY);
            done.setLabel("already won: " + a);
            done.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            done.setLabelAnchor(RectangleAnchor.TOP);
            done.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(done, Layer.BACKGROUND);
        }
        f.target().ifPresent(t -> plot.addDomainMarker(line(t - 0.5, targetLabel(f))));
        // the target stays in sight even where the forecast gives it no chance
        int right = Math.max(a + p.length, f.target().orElse(0) + 2);
        plot.getDomainAxis().setRange(-0.5, right - 0.5);
        // about ten labelled ticks whatever the chart's width: a step of 1, 2 or 5 times a power of ten
        ((NumberAxis) plot.getDomainAxis()).setTickUnit(new NumberTickUnit(niceStep(right / 10.0)));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(percent());
        style(plot);
        return chart;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... at or above {@code raw} (at least 1: wins are whole). */
    static double niceStep(double raw) {
        double step = 1;
        while (step < raw) {
            double next = step * 2;
            if (next >= raw) {
                return next;
            }
            next = step * 5;
            if (next >= raw) {
                return next;
            }
            step *= 10;
        }
        return step;
    }

    /** Probabilities read as percentages on an axis: 0.11 is "11%". */
    static NumberFormat percent() {
        NumberFormat f = NumberFormat.getPercentInstance(Locale.ROOT);
        f.setMaximumFractionDigits(1);
        return f;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    }

    static ValueMarker line(double at, String label) {
        ValueMarker m = new ValueMarker(at, TARGET, new BasicStroke(3f));
        m.setLabel(label);
        // the target reads from the back of a room: bold, in the line's red, on white
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        m.setLabelPaint(TARGET);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    /**
     * Cumulative wins (with those already won) by working day: the 80% band (P10-P90), the 50%
     * band (P25-P75), the median line, and the target.
     */
    public static JFreeChart fan(Forecast f) {
        int a = f.alreadyWon();
        YIntervalSeries outer = new YIntervalSeries("80% band (P10-P90)");
        YIntervalSeries inner = new YIntervalSeries("50% band (P25-P75), median");
        List<Forecast.Day> days = f.daily().stream().map(f::totalOn).toList();
        for (Forecast.Day d : days) {
            double x = millis(d.date());
            outer.add(x, d.p50(), d.p10(), d.p90());
            inner.add(x, d.p50(), d.p25(), d.p75());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(outer);
        data.addSeries(inner);
        ChartFonts.Labels title = ChartFonts.title(f.scenario());
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title.get(0) + ": how the period unfolds", "date (working days only)",
            "cumulative wins", data, true, false, false);
        title.apply(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "by %s: median %d, 80%% between %d and %d",
            days.get(days.size() - 1).date(), days.get(days.size() - 1).p50(), days.get(days.size() - 1).p10(),
            days.get(days.size() - 1).p90())));
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x9DB9D8));
        r.setSeriesFillPaint(0, new Color(0xC9DAEB));
        r.setSeriesPaint(1, new Color(0x1F4E79));
        r.setSeriesFillPaint(1, new Color(0x7FA3C9));
        r.setSeriesStroke(1, new BasicStroke(2.5f));
        r.setAlpha(0.8f);
        plot.setRenderer(r);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("MMM d", Locale.ROOT));
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone("UTC"));
        f.target().ifPresent(t -> {
            plot.addRangeMarker(horizontal(t, targetLabel(f)));
            double top = a;
            for (Forecast.Day d : days) {
                top = Math.max(top, d.p90());
            }
            if (t >= top) { // beyond the fan: widen the axis so that the line and its label show
                plot.getRangeAxis().setRange(0, t * 1.08 + 1);
            }
        });
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(patch("80% band (P10-P90)", new Color(0xC9DAEB)));
        legend.add(patch("50% band (P25-P75)", new Color(0x7FA3C9)));
        LegendItem median = new LegendItem("median", null, null, null, new Line2D.Double(-7, 0, 7, 0),
            new BasicStroke(2.5f), new Color(0x1F4E79));
        legend.add(median);
        plot.setFixedLegendItems(legend);
        style(plot);
        return chart;
    }

    /** A legend entry drawn as a filled square, as the band it names. */
    static LegendItem patch(String label, Color fill) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), fill);
    }

    /** A horizontal line with its label above it at the left, where nothing clips it. */
    static ValueMarker horizontal(double at, String label) {
        ValueMarker m = line(at, label);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }

    static double millis(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
