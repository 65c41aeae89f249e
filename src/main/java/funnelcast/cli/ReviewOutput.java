package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.plan.Review;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/** How the command prints the pipeline review: its table and its JSON. */
final class ReviewOutput {
    private ReviewOutput() {
    }


    static View json(Review r) {
        return new View(r.scenario(), r.steadyInflowPerDay(), r.thinStages(), r.stages().stream().map(s -> new Stage(s.id(),
            s.label(), s.count(), s.steadyStock(), s.thin(), s.questions(), s.deals().stream().map(d -> new Deal(d.deal(),
                d.count(), d.rep(), d.value(), d.age(), d.agePercentile(), d.stale(), d.pWinInHorizon(), d.pWinEventually(),
                Double.isNaN(d.pStalled()) ? null : d.pStalled(), d.name())).toList())).toList());
    }

    /** The review as --json prints it. */
    record View(String scenario, double steadyInflowPerDay, List<String> thinStages, List<Stage> stages) {
    }

    record Stage(String id, String label, int count, double steadyStock, boolean thin, List<String> questions, List<Deal> deals) {
    }

    /** A deal, or a count of deals without ids; rep, value, the stalled chance and the deal's name only where known. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Deal(String deal, int count, String rep, OptionalDouble value, double age, double agePercentile, boolean stale,
                double pWinThisPeriod, double pWinEventually, Double pStalled, String name) {
    }

    /** The longest text {@code field} gives over every deal of the review (0 when none has one). */
    private static int widest(Review r, Function<Review.DealReview, String> field) {
        return r.stages().stream().flatMap(st -> st.deals().stream()).map(field).filter(Objects::nonNull)
            .mapToInt(String::length).max().orElse(0);
    }

    static void print(PrintWriter out, Review r) {
        print(out, r, null);
    }

    /** The review as text; with a rep, that rep's deals only. */
    static void print(PrintWriter out, Review r, String rep) {
        out.printf(Locale.ROOT, "%s: pipeline review%s%n", r.scenario(), rep == null ? ""
            : ", the deals of " + rep + " (the stages' counts are the team's)");
        // the deal and rep columns are as wide as their longest entry (at least 14 and 6), the same in every stage;
        // a name column only where some deal has a name, as wide as the longest (at least 4)
        int dealWidth = Math.max(14, widest(r, Review.DealReview::deal));
        int repWidth = Math.max(6, widest(r, Review.DealReview::rep));
        int nameWidth = widest(r, Review.DealReview::name);
        boolean named = nameWidth > 0;
        String columns = "   %-" + dealWidth + "s " + (named ? "%-" + Math.max(4, nameWidth) + "s " : "%s") + "%-" + repWidth + "s ";
        // a value column where some deal has a value of its own, as wide as the largest
        int valueWidth = r.stages().stream().flatMap(st -> st.deals().stream()).filter(d -> d.value().isPresent())
            .mapToInt(d -> String.format(Locale.ROOT, "%,.0f", d.value().getAsDouble()).length()).max().orElse(0);
        boolean valued = valueWidth > 0;
        String value = valued ? "%" + Math.max(5, valueWidth) + "s " : "%s";
        String head = columns + value + "%6s %9s %-6s %13s %13s%s%n";
        String row = columns + value + "%6.1f %8.0f%% %-6s %13.3f %13.3f%s%n";
        for (Review.StageReview s : r.stages()) {
            out.printf(Locale.ROOT, "%n== %s  %s: %d deals held, steady state needs %.1f%s%n", s.id(), s.label(), s.count(),
                s.steadyStock(), s.thin() ? "  << THIN" : "");
            boolean stalls = r.showsStalled();
            if (!s.deals().isEmpty()) {
                out.printf(Locale.ROOT, head, "deal", named ? "name" : "", "rep", valued ? "value" : "", "age", "age pct", "", "P(win now)",
                    "P(win ever)", stalls ? String.format(Locale.ROOT, "%12s", "P(stalled)") : "");
            }
            for (Review.DealReview d : s.deals()) {
                out.printf(Locale.ROOT, row, d.deal(), d.name() == null ? "" : d.name(), d.rep() == null ? "" : d.rep(),
                    !valued ? "" : d.value().isPresent() ? String.format(Locale.ROOT, "%,.0f", d.value().getAsDouble()) : "",
                    d.age(), 100 * d.agePercentile(), d.stale() ? "STALE" : "", d.pWinInHorizon(), d.pWinEventually(),
                    !stalls ? "" : Double.isNaN(d.pStalled()) ? String.format(Locale.ROOT, "%12s", "")
                    : String.format(Locale.ROOT, "%12.3f%s", d.pStalled(), d.likelyStalled() ? "  STALLED?" : ""));
            }
            for (String q : s.questions()) {
                out.printf(Locale.ROOT, "   ? %s%n", q);
            }
        }
        if (r.stages().stream().flatMap(st -> st.deals().stream()).anyMatch(Review.DealReview::stale)) {
            out.printf(Locale.ROOT, "%nSTALE: older than %.0f%% of the visits to its stage (age pct). Its P(win now) and "
                + "P(win ever) already count that age: a stale deal can still be likely to win, and is the one to ask about.%n",
                100 * Review.STALE_PERCENTILE);
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
