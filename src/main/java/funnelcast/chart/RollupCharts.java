package funnelcast.chart;

import funnelcast.rollup.Rollup;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/** The roll-up's tree: each level's and team's 80% interval of total wins, with its P(hit) in its label. */
public final class RollupCharts {
    private RollupCharts() {
    }

    public static JFreeChart tree(Rollup r) {
        List<String> labels = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        walk(r.root(), 0, labels, low, high);
        double[][] starts = {low.stream().mapToDouble(Double::doubleValue).toArray()};
        double[][] ends = {high.stream().mapToDouble(Double::doubleValue).toArray()};
        DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(new String[] {"P10 to P90"},
            labels.toArray(String[]::new), new Number[][] {box(starts[0])}, new Number[][] {box(ends[0])});
        IntervalBarRenderer renderer = new IntervalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ForecastCharts.BAR);
        CategoryAxis y = new CategoryAxis("level or team (P(hit) of its target)");
        y.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis x = new NumberAxis("total wins this period, P10 to P90");
        CategoryPlot plot = new CategoryPlot(data, y, x, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("The roll-up: each level's 80% interval", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(r.method() + "; children taken as independent"));
        return chart;
    }

    private static void walk(Rollup.Node n, int depth, List<String> labels, List<Double> low, List<Double> high) {
        labels.add("  ".repeat(depth) + n.name() + (n.pHitTarget().isPresent()
            ? String.format(Locale.ROOT, " (%.0f%%)", 100 * n.pHitTarget().getAsDouble()) : ""));
        low.add((double) n.quantiles().p10());
        high.add((double) n.quantiles().p90());
        for (Rollup.Node c : n.children()) {
            walk(c, depth + 1, labels, low, high);
        }
    }

    private static Number[] box(double[] v) {
        Number[] out = new Number[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
