package funnelcast.cli;

import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import java.io.PrintWriter;
import java.util.OptionalDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** How compare prints: one column a scenario (A, B, ...), then each one's difference against A. */
final class CompareOutput {
    private CompareOutput() {
    }

    static List<String> letters(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i < 26 ? String.valueOf((char) ('A' + i)) : "S" + (i + 1));
        }
        return out;
    }

    static void print(PrintWriter o, List<Column> cases, double confidence) {
        List<String> names = letters(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            o.printf(Locale.ROOT, "%s: %s (%s)%n", names.get(i), cases.get(i).name(), cases.get(i).forecast().scenario());
        }
        Forecast first = cases.get(0).forecast();
        o.printf(Locale.ROOT, "Method: %s%s%n%n", first.method().id(), first.method() instanceof Forecast.MonteCarlo mc
            ? String.format(Locale.ROOT, ", %,d trials, seed %d, the same random numbers for every scenario", mc.trials(),
                mc.seed()) : "");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", ""));
        for (String n : names) {
            header.append(String.format(Locale.ROOT, "%12s", n));
        }
        for (int i = 1; i < cases.size(); i++) {
            header.append(String.format(Locale.ROOT, "%12s", names.get(i) + " - A"));
        }
        o.println(header.toString().stripTrailing());
        row(o, "expected wins", cases, c -> c.forecast().total().mean(), "%.2f", "%+.2f", 1);
        row(o, "P10", cases, c -> c.forecast().total().p10(), "%.0f", "%+.0f", 1);
        row(o, "P50", cases, c -> c.forecast().total().p50(), "%.0f", "%+.0f", 1);
        row(o, "P90", cases, c -> c.forecast().total().p90(), "%.0f", "%+.0f", 1);
        if (cases.stream().allMatch(c -> c.forecast().pHitTarget().isPresent())) {
            row(o, "P(hit target)", cases, c -> c.forecast().pHitTarget().getAsDouble(), "%.1f%%", "%+.1f pts", 100);
        }
        if (cases.stream().allMatch(c -> c.forecast().revenue().isPresent())) {
            row(o, "revenue (mean)", cases, c -> c.forecast().revenue().get().mean(), "%,.0f", "%+,.0f", 1);
        }
        if (cases.stream().allMatch(c -> c.inflowNeeded().isPresent())) {
            row(o, String.format(Locale.ROOT, "new deals a day for %.0f%%", 100 * confidence), cases,
                c -> c.inflowNeeded().getAsDouble(), "%.2f", "%+.2f", 1);
        }
    }

    private static void row(PrintWriter o, String label, List<Column> cases,
                            ToDoubleFunction<Column> value, String format, String diff,
                            double scale) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-28s", label));
        double a = value.applyAsDouble(cases.get(0)) * scale;
        for (Column c : cases) {
            b.append(String.format(Locale.ROOT, "%12s", String.format(Locale.ROOT, format, value.applyAsDouble(c) * scale)));
        }
        for (int i = 1; i < cases.size(); i++) {
            b.append(String.format(Locale.ROOT, "%12s", String.format(Locale.ROOT, diff, value.applyAsDouble(cases.get(i)) * scale - a)));
        }
        o.println(b.toString().stripTrailing());
    }

    /** One column of the comparison: what was asked for, and its forecast. */
    record Column(String name, Funnel funnel, Forecast forecast, OptionalDouble inflowNeeded) {
    }
}
