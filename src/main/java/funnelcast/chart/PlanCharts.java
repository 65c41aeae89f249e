package funnelcast.chart;

import funnelcast.model.Scenario;
import funnelcast.plan.Plan;
import funnelcast.plan.RequiredInflow;
import funnelcast.plan.Sensitivity;
import funnelcast.plan.SteadyState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The planner's charts: the funnel's stock against the pipeline, the inflow a confidence needs, the tornado. */
public final class PlanCharts {
    private PlanCharts() {
    }

    /** Stage labels as the scenario writes them, or the ids where no font can draw them. */
    static ChartFonts.Labels stageLabels(Scenario s) {
        List<String> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        s.stages().forEach(st -> {
            labels.add(st.label());
            ids.add(st.id());
        });
        return ChartFonts.labels(labels, ids);
    }

    /** Per stage: arrivals a day and stock in steady state, beside the pipeline held now. */
    public static JFreeChart funnel(Scenario s, SteadyState steady) {
        ChartFonts.Labels labels = stageLabels(s);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < steady.stages().size(); i++) {
            SteadyState.StageFlow f = steady.stages().get(i);
            int held = s.pipeline().stream().filter(d -> d.stage().equals(f.id())).mapToInt(d -> d.count()).sum();
            data.addValue(f.arrivalsPerDay(), "arrivals a day (steady state)", labels.get(i));
            data.addValue(f.inventory(), "stock to hold (steady state)", labels.get(i));
            data.addValue(held, "pipeline now", labels.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart("The funnel: what the target needs at each stage", "stage", "deals",
            data, PlotOrientation.HORIZONTAL, true, false, false);
        labels.apply(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "steady state: %.2f new deals a day win %.1f a month "
            + "(%d working days)", steady.inflowPerDay(), steady.winsPerMonth(), steady.monthDays())));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x9DB9D8));
        r.setSeriesPaint(1, new Color(0x3B6EA5));
        r.setSeriesPaint(2, new Color(0xE39B2F));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f); // whole stage labels, Chinese and English
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** New deals a day needed against the confidence asked for, with today's inflow marked. */
    public static JFreeChart inflowCurve(Plan plan, double currentPerDay) {
        XYSeries curve = new XYSeries("new deals a day needed");
        for (RequiredInflow r : plan.curve()) {
            if (r.reachable()) {
                curve.add(100 * r.confidence(), r.inflowPerDay());
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("New deals a day to reach " + plan.target() + " wins",
            "confidence: P(hit target) %", "new deals a day", new XYSeriesCollection(curve), PlotOrientation.VERTICAL,
            false, false, false);
        ChartFonts.title(plan.scenario()).apply(chart);
        RequiredInflow now = plan.thisHorizon();
        chart.addSubtitle(new TextTitle(now.reachable()
            ? String.format(Locale.ROOT, "at %.0f%%: %.2f a day; now %.2f a day", 100 * now.confidence(), now.inflowPerDay(),
                currentPerDay)
            : String.format(Locale.ROOT, "out of reach by inflow: best P(hit) %.3f", now.bestPHit())));
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, ForecastCharts.BAR);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2.5f));
        ValueMarker m = ForecastCharts.horizontal(currentPerDay, String.format(Locale.ROOT, "now: %.2f a day",
            currentPerDay));
        m.setPaint(new Color(0xE39B2F));
        m.setLabelPaint(new Color(0xE39B2F));
        plot.addRangeMarker(m);
        double top = curve.getItemCount() == 0 ? 0 : curve.getMaxY();
        if (currentPerDay >= top) { // today's inflow above every need: keep its line and label in sight
            plot.getRangeAxis().setRange(0, currentPerDay * 1.15 + 0.1);
        }
        ForecastCharts.style(plot);
        return chart;
    }

    /**
     * The change each stage's four what-ifs make, the bottleneck on top: a tornado, one row a
     * lever (conversion ±5 points, dwell ×0.8 and ×1.2), its better and its worse case on the
     * same row either side of zero.
     */
    public static JFreeChart tornado(Scenario s, Sensitivity sens) {
        boolean hit = sens.basePHit().isPresent();
        ChartFonts.Labels all = stageLabels(s);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double k = hit ? 100 : 1;
        for (Sensitivity.StageEffect e : sens.stages()) {
            String label = all.get(indexOf(s, e.stage()));
            String conversion = label + "  ±5 pts";
            String dwell = e.stage() + "  dwell ×0.8 / ×1.2";
            data.addValue(k * (hit ? e.pHitUp() : e.winsUp()), "better (+5 points, dwell ×0.8)", conversion);
            data.addValue(k * (hit ? e.pHitDown() : e.winsDown()), "worse (−5 points, dwell ×1.2)", conversion);
            data.addValue(k * (hit ? e.pHitFaster() : e.winsFaster()), "better (+5 points, dwell ×0.8)", dwell);
            data.addValue(k * (hit ? e.pHitSlower() : e.winsSlower()), "worse (−5 points, dwell ×1.2)", dwell);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Where a point of conversion or a day of dwell is worth most",
            "stage and lever (bottleneck first)", hit ? "change in P(hit target), points" : "change in expected wins", data,
            PlotOrientation.HORIZONTAL, true, false, false);
        all.apply(chart);
        chart.addSubtitle(new TextTitle("bottleneck: " + all.get(indexOf(s, sens.bottleneck()))
            + " (ranked by the largest change of its four cases)"));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x2E8B57));
        r.setSeriesPaint(1, new Color(0xC0392B));
        r.setMaximumBarWidth(0.08);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        return chart;
    }

    private static int indexOf(Scenario s, String id) {
        for (int i = 0; i < s.stages().size(); i++) {
            if (s.stages().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
