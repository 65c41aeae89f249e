package funnelcast.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.plan.Review;
import java.io.PrintWriter;
import java.util.Locale;

/** How the command prints the pipeline review: its table and its JSON. */
final class ReviewOutput {
    private ReviewOutput() {
    }


    static ObjectNode json(Review r) {
        ObjectNode root = Json.object();
        root.put("scenario", r.scenario());
        root.put("steadyInflowPerDay", r.steadyInflowPerDay());
        ArrayNode thin = root.putArray("thinStages");
        r.thinStages().forEach(thin::add);
        ArrayNode stages = root.putArray("stages");
        for (Review.StageReview s : r.stages()) {
            ObjectNode n = stages.addObject();
            n.put("id", s.id());
            n.put("label", s.label());
            n.put("count", s.count());
            n.put("steadyStock", s.steadyStock());
            n.put("thin", s.thin());
            ArrayNode q = n.putArray("questions");
            s.questions().forEach(q::add);
            ArrayNode deals = n.putArray("deals");
            for (Review.DealReview d : s.deals()) {
                ObjectNode x = deals.addObject();
                x.put("deal", d.deal());
                x.put("count", d.count());
                if (d.rep() != null) {
                    x.put("rep", d.rep());
                }
                d.value().ifPresent(v -> x.put("value", v));
                x.put("age", d.age());
                x.put("agePercentile", d.agePercentile());
                x.put("stale", d.stale());
                x.put("pWinThisPeriod", d.pWinThisPeriod());
                x.put("pWinEventually", d.pWinEventually());
                if (!Double.isNaN(d.pStalled())) {
                    x.put("pStalled", d.pStalled());
                }
            }
        }
        return root;
    }

    static void print(PrintWriter out, Review r) {
        out.printf(Locale.ROOT, "%s: pipeline review%n", r.scenario());
        for (Review.StageReview s : r.stages()) {
            out.printf(Locale.ROOT, "%n== %s  %s: %d deals held, steady state needs %.1f%s%n", s.id(), s.label(), s.count(),
                s.steadyStock(), s.thin() ? "  << THIN" : "");
            boolean stalls = r.showsStalled();
            if (!s.deals().isEmpty()) {
                out.printf(Locale.ROOT, "   %-14s %-6s %6s %9s %-6s %13s %13s%s%n", "deal", "rep", "age", "age pct", "", "P(win now)",
                    "P(win ever)", stalls ? String.format(Locale.ROOT, "%12s", "P(stalled)") : "");
            }
            for (Review.DealReview d : s.deals()) {
                out.printf(Locale.ROOT, "   %-14s %-6s %6.1f %8.0f%% %-6s %13.3f %13.3f%s%n", d.deal(), d.rep() == null ? "" : d.rep(),
                    d.age(), 100 * d.agePercentile(), d.stale() ? "STALE" : "", d.pWinThisPeriod(), d.pWinEventually(),
                    !stalls ? "" : Double.isNaN(d.pStalled()) ? String.format(Locale.ROOT, "%12s", "")
                    : String.format(Locale.ROOT, "%12.3f%s", d.pStalled(), d.likelyStalled() ? "  STALLED?" : ""));
            }
            for (String q : s.questions()) {
                out.printf(Locale.ROOT, "   ? %s%n", q);
            }
        }
        if (r.showsStalled()) {
            long stalled = r.stages().stream().flatMap(st -> st.deals().stream()).filter(Review.DealReview::likelyStalled)
                .mapToInt(Review.DealReview::count).sum();
            out.printf(Locale.ROOT, "%nLikelier stalled than moving: %d deals (STALLED?). They count in the forecast only with their "
                + "small chance of moving.%n", stalled);
        }
        out.printf(Locale.ROOT, "%n%s%n", r.thinStages().isEmpty() ? "No stage is thin against the steady state the target needs."
            : "Thin stages (below 75% of the steady-state stock): " + String.join(", ", r.thinStages()) + ".");
    }
}
