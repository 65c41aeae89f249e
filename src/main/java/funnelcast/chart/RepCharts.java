package funnelcast.chart;

import funnelcast.reps.RepFunnels;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/** The reps' charts: the gap to the team by rep and stage, and each rep's P(hit) of the quota. */
public final class RepCharts {
    private RepCharts() {
    }

    /**
     * Rep by stage: the rep's shrunk advance less the team's, on a diverging scale (red below the
     * team, blue above), each cell with the gap and its 90% interval, flagged cells marked.
     */
    public static JFreeChart gaps(RepFunnels r) {
        List<RepFunnels.StageSpread> stages = r.stages().stream().filter(s -> s.advanceTo() != null).toList();
        List<String> reps = r.reps().stream().map(RepFunnels.RepFunnel::rep).toList();
        int n = stages.size() * reps.size();
        double[][] data = new double[3][n];
        int c = 0;
        double widest = 0.05;
        for (int i = 0; i < stages.size(); i++) {
            for (int j = 0; j < reps.size(); j++) {
                RepFunnels.StageScore s = score(r.reps().get(j), stages.get(i).stage());
                data[0][c] = i;
                data[1][c] = j;
                data[2][c] = s == null ? Double.NaN : s.advance() - s.teamAdvance();
                widest = Math.max(widest, Math.abs(data[2][c]));
                c++;
            }
        }
        DefaultXYZDataset set = new DefaultXYZDataset();
        set.addSeries("gap", data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        PaintScale scale = new Diverging(widest);
        renderer.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis("stage (its advance to the next)",
            stages.stream().map(s -> s.stage() + " → " + s.advanceTo()).toArray(String[]::new));
        SymbolAxis y = new SymbolAxis("rep", reps.toArray(String[]::new));
        XYPlot plot = new XYPlot(set, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("Each rep's advance against the team's", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("rep − team, with the rep's 90% interval less the team's rate; * flagged (P(below) ≥ 0.9, "
            + "a win a month or more)"));
        NumberAxis legendAxis = new NumberAxis("rep − team");
        legendAxis.setRange(-widest, widest);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        c = 0;
        for (int i = 0; i < stages.size(); i++) {
            for (RepFunnels.RepFunnel rep : r.reps()) {
                RepFunnels.StageScore s = score(rep, stages.get(i).stage());
                if (s != null) {
                    var a = new XYTextAnnotation(String.format(Locale.ROOT, "%+.2f%s [%+.2f, %+.2f]", s.advance() - s.teamAdvance(),
                        s.flagged() ? "*" : "", s.lower() - s.teamAdvance(), s.upper() - s.teamAdvance()), data[0][c], data[1][c]);
                    a.setFont(new Font(Font.SANS_SERIF, s.flagged() ? Font.BOLD : Font.PLAIN, 12));
                    a.setPaint(Math.abs(data[2][c]) > 0.6 * widest ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(a);
                }
                c++;
            }
        }
        return chart;
    }

    /** Each rep's P(hit) of the quota, as bars. */
    public static JFreeChart pHit(RepFunnels r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RepFunnels.RepFunnel rep : r.reps()) {
            data.addValue(100 * rep.pHitQuota().orElse(Double.NaN), "P(hit quota)", rep.rep());
        }
        JFreeChart chart = ChartFactory.createBarChart("Each rep's P(hit) of the quota of " + r.quota().orElse(0) + " wins", "rep",
            "P(hit quota), %", data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer b = (BarRenderer) plot.getRenderer();
        b.setBarPainter(new StandardBarPainter());
        b.setShadowVisible(false);
        b.setSeriesPaint(0, ForecastCharts.BAR);
        plot.getRangeAxis().setRange(0, 100);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    private static RepFunnels.StageScore score(RepFunnels.RepFunnel rep, String stage) {
        return rep.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElse(null);
    }

    /** Red below zero, white at zero, blue above; grey where there is no value. */
    private static final class Diverging implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;
        private static final Color LOW = new Color(0xB2182B);
        private static final Color HIGH = new Color(0x2166AC);
        private final double widest;

        Diverging(double widest) {
            this.widest = widest;
        }

        @Override
        public double getLowerBound() {
            return -widest;
        }

        @Override
        public double getUpperBound() {
            return widest;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return Color.LIGHT_GRAY;
            }
            double w = Math.min(1, Math.abs(v) / widest);
            Color end = v < 0 ? LOW : HIGH;
            return new Color((int) Math.round(255 + (end.getRed() - 255) * w), (int) Math.round(255 + (end.getGreen() - 255) * w),
                (int) Math.round(255 + (end.getBlue() - 255) * w));
        }
    }
}
