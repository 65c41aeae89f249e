package funnelcast.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.plan.Sensitivity;
import java.io.PrintWriter;
import java.util.Locale;

/** How the command prints the sensitivity: its table and its JSON. */
final class SensitivityOutput {
    private SensitivityOutput() {
    }


    static ObjectNode json(Sensitivity s) {
        ObjectNode root = Json.object();
        root.put("scenario", s.scenario());
        root.put("method", s.method());
        root.put("baseWins", s.baseWins());
        s.basePHit().ifPresent(p -> root.put("basePHit", p));
        root.put("bottleneck", s.bottleneck());
        ArrayNode stages = root.putArray("stages");
        for (Sensitivity.StageEffect e : s.stages()) {
            ObjectNode n = stages.addObject();
            n.put("stage", e.stage());
            n.put("advanceTo", e.advanceTo());
            ObjectNode wins = n.putObject("deltaWins");
            wins.put("advancePlus5", e.winsUp());
            wins.put("advanceMinus5", e.winsDown());
            wins.put("dwellTimes0.8", e.winsFaster());
            wins.put("dwellTimes1.2", e.winsSlower());
            if (s.basePHit().isPresent()) {
                ObjectNode p = n.putObject("deltaPHit");
                p.put("advancePlus5", e.pHitUp());
                p.put("advanceMinus5", e.pHitDown());
                p.put("dwellTimes0.8", e.pHitFaster());
                p.put("dwellTimes1.2", e.pHitSlower());
            }
            n.put("winsPerPoint", e.winsPerPoint());
            n.put("winsPerDayFaster", e.winsPerDayFaster());
        }
        return root;
    }

    static void print(PrintWriter out, Sensitivity s) {
        boolean hit = s.basePHit().isPresent();
        out.printf(Locale.ROOT, "%s: sensitivity by stage%nMethod: %s%nBase: %.2f expected wins%s%n%n", s.scenario(), s.method(),
            s.baseWins(), hit ? String.format(Locale.ROOT, ", P(hit target) %.1f%%", 100 * s.basePHit().getAsDouble()) : "");
        out.printf(Locale.ROOT, "Change in %s, largest first:%n", hit ? "P(hit target), in points" : "expected wins");
        out.printf(Locale.ROOT, "  %-10s %-10s %8s %8s %10s %10s %11s %13s%n", "stage", "advance", "+5 pts", "-5 pts",
            "dwell x0.8", "dwell x1.2", "wins/point", "wins/day less");
        for (Sensitivity.StageEffect e : s.stages()) {
            double k = hit ? 100 : 1;
            out.printf(Locale.ROOT, "  %-10s %-10s %+8.2f %+8.2f %+10.2f %+10.2f %+11.3f %+13.3f%n", e.stage(), e.advanceTo(),
                k * (hit ? e.pHitUp() : e.winsUp()), k * (hit ? e.pHitDown() : e.winsDown()),
                k * (hit ? e.pHitFaster() : e.winsFaster()), k * (hit ? e.pHitSlower() : e.winsSlower()),
                e.winsPerPoint(), e.winsPerDayFaster());
        }
        Sensitivity.StageEffect top = s.stages().get(0);
        out.printf(Locale.ROOT, "%nBottleneck: %s. A point of conversion there is worth %+.3f expected wins, a day less dwell %+.3f.%n",
            top.stage(), top.winsPerPoint(), top.winsPerDayFaster());
    }
}
