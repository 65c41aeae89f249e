package funnelcast.chart;

import funnelcast.daily.Accuracy;
import funnelcast.daily.Moved;
import funnelcast.daily.Pace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A month's pace: the forecast's trend through the month, the wins so far against the plan of
 * record, what moved between two days, and how right a closed month's forecasts were.
 */
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

    /**
     * What moved between two recorded days as a waterfall: the open deals at the first, the new
     * ones added, the won, lost and otherwise closed taken away, and the open deals at the second.
     */
    public static JFreeChart moved(String scope, Moved m) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(m.start().count(), "deals", "open " + m.from());
        data.addValue(m.added().count(), "deals", "+ new");
        data.addValue(-m.won().count(), "deals", "- won");
        data.addValue(-m.lost().count(), "deals", "- lost");
        if (m.left().count() > 0) {
            data.addValue(-m.left().count(), "deals", "- closed, day not recorded");
        }
        data.addValue(m.end().count(), "deals", "open " + m.to());
        JFreeChart chart = ChartFactory.createWaterfallChart(scope + ": what moved from " + m.from() + " to " + m.to(),
            "", "open deals", data, PlotOrientation.VERTICAL, false, false, false);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "of the deals open at both: %d advanced, %d fell back, "
            + "%d stalled", m.advanced().count(), m.fellBack().count(), m.stalled().count())));
        CategoryPlot plot = chart.getCategoryPlot();
        WaterfallBarRenderer r = (WaterfallBarRenderer) plot.getRenderer();
        r.setFirstBarPaint(ForecastCharts.BAR);
        r.setLastBarPaint(ForecastCharts.BAR);
        r.setPositiveBarPaint(ForecastCharts.HIT);
        r.setNegativeBarPaint(ForecastCharts.TARGET);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A closed month's recorded forecasts scored by day of the month: CRPS (lower is better), the team's and each rep's. */
    public static JFreeChart accuracy(Pace p) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Accuracy> all = new ArrayList<>();
        p.accuracy().ifPresent(all::add);
        all.addAll(p.repAccuracy());
        for (Accuracy a : all) {
            XYSeries s = new XYSeries(a.scope());
            for (Accuracy.Scored d : a.days()) {
                s.add(d.dayOfMonth(), d.crps());
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(p.scope() + ", " + p.month() + ": how right each day's forecast was",
            "working day of the month", "CRPS of the month's wins (lower is better)", data, PlotOrientation.VERTICAL, true,
            false, false);
        Accuracy a = p.accuracy().orElseThrow();
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d wins; %.0f%% of the days' 80%% intervals held them, "
            + "mean CRPS %.2f", a.actualWins(), 100 * a.coverage80(), a.meanCrps())));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x1F4E79));
        r.setSeriesStroke(0, new BasicStroke(3f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole working days
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
