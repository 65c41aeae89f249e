package funnelcast.chart;

import funnelcast.backtest.Backtest;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.KaplanMeier;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Calibration's survival curves, and the backtest's intervals and PIT histogram. */
public final class CalibrationCharts {
    private CalibrationCharts() {
    }

    /** A stage's Kaplan-Meier survival of dwell, its censoring marks, and the fitted survival over it. */
    public static JFreeChart survival(Calibration.StageFit s) {
        KaplanMeier km = s.km();
        XYSeries steps = new XYSeries("Kaplan-Meier");
        steps.add(0, 1);
        double last = 0;
        for (int i = 0; i < km.times().length; i++) {
            steps.add(km.times()[i], km.survival()[i]);
            last = km.times()[i];
        }
        XYSeries censored = new XYSeries("open visits (censored)", false);
        for (double t : km.censoredTimes()) {
            censored.add(t, km.at(t));
            last = Math.max(last, t);
        }
        String name = !s.exitSpecific() ? "fitted " + s.best().law().describe() : s.stalled() > 0
            ? String.format(Locale.ROOT, "fitted (exit-specific dwells, %.1f%% stalled)", 100 * s.stalled())
            : "fitted (exit-specific dwells)";
        XYSeries fitted = new XYSeries(name);
        for (int i = 0; i <= 200; i++) {
            double t = last * i / 200;
            double v = 0;
            if (s.exitSpecific()) {
                for (Calibration.ExitRate e : s.exits()) {
                    v += e.probability() * s.exitModel().fits().get(e.to()).law().survival(t);
                }
                if (s.stalled() > 0) {
                    v = s.stalled() + (1 - s.stalled()) * v; // the stalled share never leaves
                }
            } else {
                v = s.best().law().survival(t);
            }
            fitted.add(t, v);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Dwell at " + s.id() + ": survival", "working days in stage",
            "share still in stage", new XYSeriesCollection(steps), PlotOrientation.VERTICAL, true, false, false);
        ChartFonts.title(s.id()).apply(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
            "%d completed visits, %d open; largest gap to Kaplan-Meier %.3f", s.completed(), s.open(), s.kmDistance())));
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, Color.DARK_GRAY);
        plot.setRenderer(0, step);
        plot.setDataset(1, new XYSeriesCollection(fitted));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ForecastCharts.TARGET);
        line.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, line);
        plot.setDataset(2, new XYSeriesCollection(censored));
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        marks.setSeriesPaint(0, ForecastCharts.BAR);
        plot.setRenderer(2, marks);
        ForecastCharts.style(plot);
        return chart;
    }

    /** Per month: the forecast's 80% and 50% intervals and median, and the wins that happened. */
    public static JFreeChart backtest(Backtest.Result r) {
        YIntervalSeries outer = new YIntervalSeries("80% interval");
        YIntervalSeries inner = new YIntervalSeries("50% interval and median");
        XYSeries actual = new XYSeries("actual wins");
        String[] months = new String[r.months().size()];
        int i = 0;
        for (Backtest.Month m : r.months()) {
            Backtest.Score s = m.model();
            outer.add(i, s.p50(), s.p10(), s.p90());
            inner.add(i, s.p50(), s.p25(), s.p75());
            actual.add(i, m.actual());
            months[i] = m.month().toString();
            i++;
        }
        Backtest.Summary model = r.summaries().get(0);
        JFreeChart chart = ChartFactory.createScatterPlot("Backtest: forecast intervals and what happened", "month",
            "wins", new XYSeriesCollection(actual), PlotOrientation.VERTICAL, true, false, false);
        ChartFonts.title("backtest").apply(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d months: %.0f%% inside the 50%% interval, %.0f%% inside "
            + "the 80%% interval", r.months().size(), 100 * model.coverage50(), 100 * model.coverage80())));
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new SymbolAxis("month", months));
        plot.getRenderer().setSeriesPaint(0, ForecastCharts.TARGET);
        plot.getRenderer().setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        band(plot, 1, outer, new Color(0x9DB9D8), 6f);
        band(plot, 2, inner, ForecastCharts.BAR, 12f);
        ForecastCharts.style(plot);
        return chart;
    }

    private static void band(XYPlot plot, int index, YIntervalSeries series, Color color, float width) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        plot.setDataset(index, data);
        YIntervalRenderer r = new YIntervalRenderer();
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new BasicStroke(width));
        r.setSeriesShape(0, new Rectangle2D.Double(-width / 2 - 2, -1.5, width + 4, 3));
        plot.setRenderer(index, r);
    }

    /** The non-randomised PIT histogram of the model: flat when the forecasts are calibrated. */
    public static JFreeChart pit(Backtest.Result r) {
        XYPlot plot = pitPlot(r.summaries().get(0));
        JFreeChart chart = new JFreeChart("Backtest: PIT histogram (flat if calibrated)", plot);
        chart.removeLegend();
        ChartFonts.title("backtest").apply(chart);
        paintPit(plot);
        return chart;
    }

    private static XYPlot pitPlot(Backtest.Summary model) {
        XYSeries bins = new XYSeries("months");
        double[] h = model.pitHistogram();
        for (int i = 0; i < h.length; i++) {
            bins.add(0.05 + 0.1 * i, h[i]);
        }
        XYBarRenderer bars = new XYBarRenderer(0.05);
        XYSeriesCollection data = new XYSeriesCollection(bins);
        data.setIntervalWidth(0.1);
        XYPlot plot = new XYPlot(data, new NumberAxis("PIT of the actual wins (non-randomised)"),
            new NumberAxis("months"), bars);
        plot.getDomainAxis().setRange(0, 1);
        plot.addRangeMarker(new ValueMarker(model.months() / 10.0, ForecastCharts.TARGET,
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)));
        return plot;
    }

    /** Colours set after the chart's theme, which would reset them. */
    private static void paintPit(XYPlot plot) {
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ForecastCharts.BAR);
        ForecastCharts.style(plot);
    }

    private static void paintCoverage(XYPlot coverage, int methods) {
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) coverage.getRenderer();
        lines.setSeriesPaint(0, Color.GRAY);
        lines.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0));
        lines.setSeriesShapesVisible(0, false);
        Color[] colors = {ForecastCharts.BAR, new Color(0xE67E22), new Color(0x7F8C8D)};
        for (int i = 0; i < methods; i++) {
            lines.setSeriesPaint(i + 1, colors[i % colors.length]);
            lines.setSeriesStroke(i + 1, new BasicStroke(i == 0 ? 3f : 1.5f));
        }
        ForecastCharts.style(coverage);
    }

    /**
     * The backtest's calibration at a glance: the PIT histogram beside the share of months inside
     * each central interval against its nominal level, for the model and both baselines; a
     * calibrated forecast keeps to the dashed lines.
     */
    public static JFreeChart calibration(Backtest.Result r) {
        XYSeriesCollection curves = new XYSeriesCollection();
        XYSeries ideal = new XYSeries("nominal");
        ideal.add(0, 0);
        ideal.add(1, 1);
        curves.addSeries(ideal);
        double[] levels = Backtest.levels();
        for (Backtest.Summary s : r.summaries()) {
            XYSeries c = new XYSeries(s.method());
            c.add(0, 0);
            for (int i = 0; i < levels.length; i++) {
                c.add(levels[i], s.coverage()[i]);
            }
            curves.addSeries(c);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        NumberAxis nominal = new NumberAxis("nominal level");
        nominal.setRange(0, 1);
        NumberAxis observed = new NumberAxis("months inside");
        observed.setRange(0, 1.02);
        observed.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        XYPlot coverage = new XYPlot(curves, nominal, observed, lines);

        XYPlot pit = pitPlot(r.summaries().get(0));
        // Stacked on one probability axis: the PIT value above, the nominal level below.
        NumberAxis level = new NumberAxis(
            "probability: PIT value (top), nominal level of the central interval (bottom)");
        level.setRange(0, 1);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(level);
        plot.setGap(14);
        plot.add(pit, 2);
        plot.add(coverage, 3);
        Backtest.Summary model = r.summaries().get(0);
        JFreeChart chart = new JFreeChart("Backtest calibration: PIT histogram and coverage", JFreeChart.DEFAULT_TITLE_FONT,
            plot, true);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "model over %d months: %d inside the 80%% interval "
            + "(chance allows %d-%d), %d inside the 50%% (chance allows %d-%d)", model.months(), model.in80(),
            model.chance80()[0], model.chance80()[1], model.in50(), model.chance50()[0], model.chance50()[1])));
        ChartFonts.title("backtest").apply(chart);
        paintPit(pit);
        paintCoverage(coverage, r.summaries().size());
        return chart;
    }
}
