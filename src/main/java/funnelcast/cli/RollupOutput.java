package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.forecast.Forecast;
import funnelcast.rollup.Rollup;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** How rollup prints: the tree, a line a level or team, indented, then what it assumed. */
final class RollupOutput {
    private RollupOutput() {
    }

    /** What --json prints: the method, the assumptions, and the tree from the top level. */
    record View(String method, List<String> notes, List<Level> levels) {
    }

    /** A level or team of the tree as --json writes it. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Level(String name, String path, boolean team, OptionalInt target, Wins wins, OptionalDouble pHitTarget,
                 double shareOfMean, double shareOfVariance, OptionalInt childrenP50Sum, double pmfTotalVariation,
                 List<Level> children) {
        static Level of(Rollup.Node n) {
            return new Level(n.name(), n.path(), n.team(), n.target(), new Wins(n.mean(), n.sd(), n.quantiles(), n.pmf()),
                n.pHitTarget(), n.shareOfMean(), n.shareOfVariance(), n.childrenP50Sum(), n.pmfTotalVariation(),
                n.children().stream().map(Level::of).toList());
        }
    }

    /** Total wins this period (already won included): mean, sd, quantiles and pmf from 0. */
    record Wins(double mean, double sd, Forecast.CountQuantiles quantiles, double[] pmf) {
    }

    static View json(Rollup r) {
        return new View(r.method(), r.notes(), List.of(Level.of(r.root())));
    }

    static void print(PrintWriter o, Rollup r) {
        o.printf(Locale.ROOT, "Roll-up (%s): total wins this period, already won included%n%n", r.method());
        o.printf(Locale.ROOT, "  %-56s %8s %14s %9s %8s %8s%n", "", "mean", "P10/P50/P90", "P(hit)", "of mean", "of var");
        line(o, r.root(), 0);
        o.println();
        printP50(o, r.root());
        for (String n : r.notes()) {
            o.printf(Locale.ROOT, "Assumed: %s.%n", n);
        }
        if (r.method().equals("exact")) {
            o.printf(Locale.ROOT, "Error bound: the top level's pmf within total variation %.2g of the exact convolution "
                + "(the teams' bounds added).%n", r.root().pmfTotalVariation());
        }
    }

    private static void line(PrintWriter o, Rollup.Node n, int depth) {
        String label = "  ".repeat(depth) + n.name() + (n.target().isPresent() ? " (target " + n.target().getAsInt() + ")" : "");
        if (label.length() > 56) {
            label = label.substring(0, 55) + "…";
        }
        o.printf(Locale.ROOT, "  %-56s %8.2f %14s %9s %8s %8s%n", label, n.mean(),
            n.quantiles().p10() + "/" + n.quantiles().p50() + "/" + n.quantiles().p90(),
            n.pHitTarget().isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * n.pHitTarget().getAsDouble()) : "",
            depth == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * n.shareOfMean()),
            depth == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * n.shareOfVariance()));
        for (Rollup.Node c : n.children()) {
            line(o, c, depth + 1);
        }
    }

    /** For each level: its P50 against the sum of its children's, which a roll-up by hand would give. */
    private static void printP50(PrintWriter o, Rollup.Node n) {
        if (n.team()) {
            return;
        }
        int sum = n.childrenP50Sum().orElse(0);
        o.printf(Locale.ROOT, "%s: P50 %d; the children's P50s add to %d (%s)%n", n.name(), n.quantiles().p50(), sum,
            sum == n.quantiles().p50() ? "equal here; medians do not add in general, the level's comes from the convolution"
                : "medians do not add: the level's comes from the convolution");
        for (Rollup.Node c : n.children()) {
            printP50(o, c);
        }
    }
}
