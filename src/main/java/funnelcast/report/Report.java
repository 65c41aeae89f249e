package funnelcast.report;

import funnelcast.chart.ChartFiles;
import funnelcast.chart.ForecastCharts;
import funnelcast.chart.PlanCharts;
import funnelcast.forecast.Forecast;
import funnelcast.model.Scenario;
import funnelcast.plan.Plan;
import funnelcast.plan.RequiredInflow;
import funnelcast.plan.Review;
import funnelcast.plan.Sensitivity;
import funnelcast.plan.SteadyState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The funnel-advancement meeting's agenda: the forecast, the plan, the sensitivity and the
 * pipeline review with each stage's questions, as one self-contained HTML page (charts inline
 * as SVG, no script, nothing fetched) and as Markdown beside PNG charts.
 */
public record Report(Scenario scenario, Forecast forecast, Plan plan, Sensitivity sensitivity, Review review) {

    /** The charts, by file name. */
    public Map<String, JFreeChart> charts() {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("wins", ForecastCharts.wins(forecast));
        charts.put("fan", ForecastCharts.fan(forecast));
        charts.put("funnel", PlanCharts.funnel(scenario, plan.steadyState()));
        charts.put("inflow-curve", PlanCharts.inflowCurve(plan, scenario.inflow().perDay()));
        charts.put("tornado", PlanCharts.tornado(scenario, sensitivity));
        return charts;
    }

    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(esc(scenario.name())).append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
            .append("th{background:#eef3f8}td.l,th.l{text-align:left}.stale{color:#c0392b;font-weight:bold}")
            .append(".thin{color:#c0392b}figure{margin:1em 0}svg{max-width:100%;height:auto}\n</style>\n</head>\n<body>\n");
        Map<String, JFreeChart> charts = charts();
        section(b, "h1", scenario.name());
        for (Section part : sections()) {
            section(b, "h2", part.title());
            b.append("<p>").append(esc(part.text())).append("</p>\n");
            for (String chart : part.charts()) {
                b.append("<figure>").append(ChartFiles.svgElement(charts.get(chart), ChartFiles.WIDTH, ChartFiles.HEIGHT, chart))
                    .append("</figure>\n");
            }
            if (part.review()) {
                reviewHtml(b);
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# ").append(scenario.name()).append("\n\n");
        for (Section part : sections()) {
            b.append("## ").append(part.title()).append("\n\n").append(part.text()).append("\n\n");
            for (String chart : part.charts()) {
                b.append("![").append(chart).append("](").append(chart).append(".png)\n\n");
            }
            if (part.review()) {
                reviewMarkdown(b);
            }
        }
        return b.toString();
    }

    /** A section of the report: its title, its paragraph, its charts by name, and whether the pipeline review follows. */
    private record Section(String title, String text, List<String> charts, boolean review) {
    }

    /** Title, paragraph and charts of each section, shared by both formats. */
    private List<Section> sections() {
        Forecast.Total total = forecast.total();
        int a = forecast.alreadyWon();
        String hit = forecast.pHitTarget().isPresent()
            ? String.format(Locale.ROOT, " P(hit target of %d) = %.1f%%.", forecast.target().getAsInt(),
                100 * forecast.pHitTarget().getAsDouble()) : "";
        String method = forecast.method() instanceof Forecast.MonteCarlo mc
            ? String.format(Locale.ROOT, "Monte Carlo, %,d trials, seed %d", mc.trials(), mc.seed())
            : "exact method";
        String fc = String.format(Locale.ROOT, "%d working days, %s to %s (%s). Expected wins %.1f%s; P10 %d, P50 %d, "
                + "P90 %d in all.%s", forecast.horizonDays(), scenario.calendar().start(), scenario.calendar().end(), method,
            total.mean(), a > 0 ? " with " + a + " already won" : "", total.p10(), total.p50(), total.p90(), hit)
            + forecast.revenue().map(this::revenue).orElse("");
        SteadyState st = plan.steadyState();
        RequiredInflow now = plan.thisHorizon();
        String pl = String.format(Locale.ROOT, "A new deal at '%s' wins with %.3f: %d wins a period take %.2f new deals "
            + "a day in steady state. ", plan.entry(), plan.pWinFromEntry(), plan.target(), st.inflowPerDay())
            + (now.reachable()
                ? String.format(Locale.ROOT, "This period, %.0f%% confidence takes %.2f new deals a day (now %.2f).",
                    100 * now.confidence(), now.inflowPerDay(), scenario.inflow().perDay())
                : String.format(Locale.ROOT, "This period no inflow reaches %.0f%%: the best P(hit) is %.3f.",
                    100 * now.confidence(), now.bestPHit()));
        Sensitivity.StageEffect top = sensitivity.stages().get(0);
        String se = String.format(Locale.ROOT, "Bottleneck: %s. A point of conversion there is worth %+.3f expected wins, a "
            + "day less dwell %+.3f (%s).", top.stage(), top.winsPerPoint(), top.winsPerDayFaster(), sensitivity.method());
        String rv = review.thinStages().isEmpty() ? "No stage is thin against the steady state the target needs."
            : "Thin stages (below 75% of the steady-state stock): " + String.join(", ", review.thinStages()) + ".";
        return List.of(
            new Section("Forecast", fc, List.of("wins", "fan"), false),
            new Section("Plan", pl, List.of("funnel", "inflow-curve"), false),
            new Section("Sensitivity", se, List.of("tornado"), false),
            new Section("Pipeline review: the funnel-advancement meeting", rv, List.of(), true));
    }

    /** The revenue won in the horizon, and P(revenue >= target.revenue) when the scenario has one. */
    private String revenue(Forecast.Revenue r) {
        String spread = r.quantiles().map(q -> String.format(Locale.ROOT, "; P10 %,.0f, P50 %,.0f, P90 %,.0f", q.p10(),
            q.p50(), q.p90())).orElse(String.format(Locale.ROOT, " (sd %,.0f)", r.sd()));
        String hit = r.pHitTarget().isPresent() ? String.format(Locale.ROOT, " P(revenue >= target of %,.0f) = %.1f%%.",
            scenario.target().revenue().getAsDouble(), 100 * r.pHitTarget().getAsDouble()) : "";
        return String.format(Locale.ROOT, " Expected revenue %,.0f%s.%s", r.mean(), spread, hit);
    }

    private void reviewHtml(StringBuilder b) {
        for (Review.StageReview s : review.stages()) {
            b.append("<h3>").append(esc(s.id())).append(": ").append(esc(s.label())).append("</h3>\n<p")
                .append(s.thin() ? " class=\"thin\"" : "").append(">").append(String.format(Locale.ROOT,
                    "%d deals held; the steady state needs %.1f%s.", s.count(), s.steadyStock(), s.thin() ? " (thin)" : ""))
                .append("</p>\n");
            if (!s.deals().isEmpty()) {
                b.append("<table>\n<tr><th class=\"l\">deal</th><th class=\"l\">rep</th><th>age</th><th>age pct</th>"
                    + "<th>P(win this period)</th><th>P(win eventually)</th></tr>\n");
                for (Review.DealReview d : s.deals()) {
                    b.append("<tr><td class=\"l").append(d.stale() ? " stale" : "").append("\">").append(esc(d.deal()))
                        .append(d.stale() ? " (stale)" : "").append("</td><td class=\"l\">")
                        .append(esc(d.rep() == null ? "" : d.rep())).append("</td>")
                        .append(String.format(Locale.ROOT, "<td>%.1f</td><td>%.0f%%</td><td>%.3f</td><td>%.3f</td></tr>%n",
                            d.age(), 100 * d.agePercentile(), d.pWinInHorizon(), d.pWinEventually()));
                }
                b.append("</table>\n");
            }
            if (!s.questions().isEmpty()) {
                b.append("<ul>\n");
                s.questions().forEach(x -> b.append("<li>").append(esc(x)).append("</li>\n"));
                b.append("</ul>\n");
            }
        }
    }

    private void reviewMarkdown(StringBuilder b) {
        for (Review.StageReview s : review.stages()) {
            b.append("### ").append(s.id()).append(": ").append(s.label()).append("\n\n").append(String.format(Locale.ROOT,
                "%d deals held; the steady state needs %.1f%s.%n%n", s.count(), s.steadyStock(), s.thin() ? " (thin)" : ""));
            if (!s.deals().isEmpty()) {
                b.append("| deal | rep | age | age pct | P(win this period) | P(win eventually) |\n|---|---|---:|---:|---:|---:|\n");
                for (Review.DealReview d : s.deals()) {
                    b.append(String.format(Locale.ROOT, "| %s%s | %s | %.1f | %.0f%% | %.3f | %.3f |%n", md(d.deal()),
                        d.stale() ? " **(stale)**" : "", md(d.rep() == null ? "" : d.rep()), d.age(), 100 * d.agePercentile(),
                        d.pWinInHorizon(), d.pWinEventually()));
                }
                b.append("\n");
            }
            s.questions().forEach(x -> b.append("- ").append(x).append("\n"));
            b.append("\n");
        }
    }

    private static void section(StringBuilder b, String tag, String text) {
        b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append(">\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }
}
