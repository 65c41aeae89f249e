package funnelcast.chart;

import funnelcast.daily.Pace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** A month's pace: the forecast's trend through the month, and the wins so far against the plan of record. */
public final class PaceCharts {
    private PaceCharts() {
    }

    /** Each recorded day's forecast of the month's wins: the median and the 80% interval, with the target. */
    public static JFreeChart trend(Pace p) {
        YIntervalSeries band = new YIntervalSeries("80% interval of the month's wins (P10-P90), median");
        for (Pace.PaceDay d : p.days()) {
            band.add(ForecastCharts.millis(d.date()), d.p50(), d.p10(), d.p90());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(band);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(p.scope() + ", " + p.month() + ": the forecast through the month",
            "as of (recorded working days)", "the month's wins", data, true, false, false);
        chart.addSubtitle(new TextTitle(trendLine(p)));
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x1F4E79));
        r.setSeriesFillPaint(0, new Color(0xC9DAEB));
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setAlpha(0.8f);
        plot.setRenderer(r);
        dates(plot);
        p.targetWins().ifPresent(t -> plot.addRangeMarker(ForecastCharts.horizontal(t, "target " + t)));
        ForecastCharts.style(plot);
        return chart;
    }

    /** The month's wins so far, day by day, against the plan of record's wins to date. */
    public static JFreeChart wins(Pace p) {
        XYSeries actual = new XYSeries("wins so far");
        XYSeries plan = new XYSeries("the plan of record's wins to date");
        for (Pace.PaceDay d : p.days()) {
            double x = ForecastCharts.millis(d.date());
            actual.add(x, d.cumulativeWins());
            if (d.planWins().isPresent()) {
                plan.add(x, d.planWins().getAsDouble());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(actual);
        data.addSeries(plan);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(p.scope() + ", " + p.month() + ": wins against the plan",
            "as of (recorded working days)", "wins this month", data, true, false, false);
        Pace.PaceDay last = p.days().get(p.days().size() - 1);
        chart.addSubtitle(new TextTitle(last.winsAheadOfPlan().isPresent()
            ? String.format(Locale.ROOT, "by %s: %d wins, %+.1f against the plan", last.date(), last.cumulativeWins(),
                last.winsAheadOfPlan().getAsDouble())
            : String.format(Locale.ROOT, "by %s: %d wins (no target, so no plan)", last.date(), last.cumulativeWins())));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, ForecastCharts.HIT);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesPaint(1, Color.GRAY);
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        r.setSeriesShapesVisible(1, false);
        plot.setRenderer(r);
        dates(plot);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        ForecastCharts.style(plot);
        return chart;
    }

    private static String trendLine(Pace p) {
        Pace.PaceDay first = p.days().get(0);
        Pace.PaceDay last = p.days().get(p.days().size() - 1);
        if (first.pHitTarget().isEmpty() || last.pHitTarget().isEmpty()) {
            return String.format(Locale.ROOT, "median %d on %s, %d on %s", first.p50(), first.date(), last.p50(), last.date());
        }
        return String.format(Locale.ROOT, "P(hit) %.0f%% on %s, %.0f%% on %s", 100 * first.pHitTarget().getAsDouble(),
            first.date(), 100 * last.pHitTarget().getAsDouble(), last.date());
    }

    private static void dates(XYPlot plot) {
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("MMM d", Locale.ROOT));
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone("UTC"));
    }
}
