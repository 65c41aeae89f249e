package funnelcast.chart;

import funnelcast.calibrate.Backtest;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.KaplanMeier;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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
        String name = s.exitSpecific() ? "fitted (exit-specific dwells)" : "fitted " + s.best().law().describe();
        XYSeries fitted = new XYSeries(name);
        for (int i = 0; i <= 200; i++) {
            double t = last * i / 200;
            double v = 0;
            if (s.exitSpecific()) {
                for (Calibration.ExitRate e : s.exits()) {
                    v += e.probability() * s.exitModel().fits().get(e.to()).law().survival(t);
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
        XYIntervalSeries outer = new XYIntervalSeries("80% interval");
        XYIntervalSeries inner = new XYIntervalSeries("50% interval, median");
        XYSeries actual = new XYSeries("actual wins");
        int i = 0;
        for (Backtest.Month m : r.months()) {
            Backtest.Score s = m.model();
            outer.add(i, i - 0.3, i + 0.3, s.p50(), s.p10(), s.p90());
            inner.add(i, i - 0.3, i + 0.3, s.p50(), s.p25(), s.p75());
            actual.add(i, m.actual());
            i++;
        }
        XYIntervalSeriesCollection intervals = new XYIntervalSeriesCollection();
        intervals.addSeries(outer);
        intervals.addSeries(inner);
        Backtest.Summary model = r.summaries().get(0);
        JFreeChart chart = ChartFactory.createScatterPlot("Backtest: forecast intervals and what happened",
            "month (" + r.months().get(0).month() + " .. " + r.months().get(r.months().size() - 1).month() + ")", "wins",
            new XYSeriesCollection(actual), PlotOrientation.VERTICAL, true, false, false);
        ChartFonts.title("backtest").apply(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d months: %.0f%% inside the 50%% interval, %.0f%% inside "
            + "the 80%% interval", r.months().size(), 100 * model.coverage50(), 100 * model.coverage80())));
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, ForecastCharts.TARGET);
        plot.getRenderer().setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        plot.setDataset(1, intervals);
        XYErrorRenderer bars = new XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setErrorStroke(new BasicStroke(6f));
        bars.setSeriesPaint(0, new Color(0x9DB9D8));
        bars.setSeriesPaint(1, ForecastCharts.BAR);
        bars.setErrorPaint(null);
        plot.setRenderer(1, bars);
        ForecastCharts.style(plot);
        return chart;
    }

    /** The PIT histogram: flat when the forecasts are calibrated. */
    public static JFreeChart pit(Backtest.Result r) {
        XYSeries bins = new XYSeries("months");
        int[] h = r.summaries().get(0).pitHistogram();
        for (int i = 0; i < h.length; i++) {
            bins.add(0.05 + 0.1 * i, h[i]);
        }
        JFreeChart chart = ChartFactory.createXYBarChart("Backtest: PIT histogram (flat if calibrated)",
            "PIT of the actual wins", false, "months", new XYSeriesCollection(bins), PlotOrientation.VERTICAL, false,
            false, false);
        ChartFonts.title("backtest").apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, ForecastCharts.BAR);
        ((org.jfree.chart.renderer.xy.XYBarRenderer) plot.getRenderer()).setBarPainter(
            new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        ForecastCharts.style(plot);
        return chart;
    }
}
