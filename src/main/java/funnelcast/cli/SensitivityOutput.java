package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import funnelcast.plan.Sensitivity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the command prints the sensitivity: its table and its JSON. */
final class SensitivityOutput {
    private SensitivityOutput() {
    }


    static View json(Sensitivity s) {
        boolean hit = s.basePHit().isPresent();
        return new View(s.scenario(), s.method(), s.baseWins(), s.basePHit(), s.bottleneck(), s.stages().stream().map(e ->
            new Stage(e.stage(), e.advanceTo(), new Deltas(e.winsUp(), e.winsDown(), e.winsFaster(), e.winsSlower()),
                hit ? new Deltas(e.pHitUp(), e.pHitDown(), e.pHitFaster(), e.pHitSlower()) : null, e.winsPerPoint(),
                e.winsPerDayFaster())).toList());
    }

    /** The sensitivity as --json prints it. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record View(String scenario, String method, double baseWins, OptionalDouble basePHit, String bottleneck, List<Stage> stages) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stage(String stage, String advanceTo, Deltas deltaWins, Deltas deltaPHit, double winsPerPoint,
                 double winsPerDayFaster) {
    }

    /** The four changes: the advance exit five points up and down, the dwells times 0.8 and 1.2. */
    record Deltas(double advancePlus5, double advanceMinus5, @JsonProperty("dwellTimes0.8") double faster,
                  @JsonProperty("dwellTimes1.2") double slower) {
    }

    static void print(PrintWriter out, Sensitivity s) {
        boolean hit = s.basePHit().isPresent();
        out.printf(Locale.ROOT, "%s: sensitivity by stage%nMethod: %s%nBase: %.2f expected wins%s%n%n", s.scenario(), s.method(),
            s.baseWins(), hit ? String.format(Locale.ROOT, ", P(hit target) %.1f%%", 100 * s.basePHit().getAsDouble()) : "");
        out.printf(Locale.ROOT, "Change in %s, largest first:%n", hit ? "P(hit target), in points" : "expected wins");
        // the stage and advance columns as wide as their longest id (at least 10)
        int stageWidth = Math.max(10, s.stages().stream().mapToInt(e -> e.stage().length()).max().orElse(0));
        int advanceWidth = Math.max(10, s.stages().stream().mapToInt(e -> e.advanceTo().length()).max().orElse(0));
        String ids = "  %-" + stageWidth + "s %-" + advanceWidth + "s ";
        out.printf(Locale.ROOT, ids + "%8s %8s %10s %10s %11s %13s%n", "stage", "advance", "+5 pts", "-5 pts",
            "dwell x0.8", "dwell x1.2", "wins/point", "wins/day less");
        for (Sensitivity.StageEffect e : s.stages()) {
            double k = hit ? 100 : 1;
            out.printf(Locale.ROOT, ids + "%+8.2f %+8.2f %+10.2f %+10.2f %+11.3f %+13.3f%n", e.stage(), e.advanceTo(),
                k * (hit ? e.pHitUp() : e.winsUp()), k * (hit ? e.pHitDown() : e.winsDown()),
                k * (hit ? e.pHitFaster() : e.winsFaster()), k * (hit ? e.pHitSlower() : e.winsSlower()),
                e.winsPerPoint(), e.winsPerDayFaster());
        }
        Sensitivity.StageEffect top = s.stages().get(0);
        out.printf(Locale.ROOT, "%nThe stages are ranked by the largest of their four changes (the columns +5 pts to dwell x1.2%s); "
            + "wins/point and wins/day less are each change per unit, for planning, and do not rank.%n",
            hit ? ", in P(hit target)" : "");
        out.printf(Locale.ROOT, "Bottleneck: %s. A point of conversion there is worth %+.3f expected wins, a day less dwell %+.3f.%n",
            top.stage(), top.winsPerPoint(), top.winsPerDayFaster());
    }
}
