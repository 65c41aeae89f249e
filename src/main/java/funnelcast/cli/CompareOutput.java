package funnelcast.cli;

import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.scenario.Setting;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * How compare prints: one column a scenario, headed by its name (the what-if's {@code name}, or
 * the file's, or its one short setting), then each one's difference against the first (B - A).
 */
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

    /** The longest name a column shows whole. */
    static final int NAME_WIDTH = 30;

    /**
     * Each scenario's name: the one its what-if gives ({@code name=}), else its file's (without
     * the folder and extension), else, for a what-if of one short setting, that setting; a name
     * already taken gets its letter.
     */
    static List<String> names(List<Asked> asked) {
        List<String> letters = letters(asked.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Asked a = asked.get(i);
            String name;
            if (a.name() != null) {
                name = a.name();
            } else if (a.settings().size() == 1 && a.settings().get(0).toString().length() <= NAME_WIDTH) {
                name = a.settings().get(0).toString();
            } else {
                Path file = Path.of(a.file()).getFileName();
                name = (file == null ? a.file() : file.toString()).replaceFirst("\\.(json|ya?ml)$", "");
            }
            if (names.contains(name)) {
                name = name + " (" + letters.get(i) + ")";
            }
            names.add(name);
        }
        return names;
    }

    static void print(PrintWriter o, List<Column> cases, double confidence) {
        List<String> letters = letters(cases.size());
        int width = Math.max(12, Math.min(NAME_WIDTH, cases.stream().mapToInt(c -> c.name().length()).max().orElse(0)) + 2);
        for (int i = 0; i < cases.size(); i++) {
            Asked a = cases.get(i).asked();
            o.printf(Locale.ROOT, "%s  %s: %s%s (%s)%n", letters.get(i), cases.get(i).name(), a.file(), a.settings().isEmpty() ? ""
                : " with " + a.settings().stream().map(CompareOutput::shortly).collect(Collectors.joining(", ")),
                cases.get(i).forecast().scenario());
        }
        Forecast first = cases.get(0).forecast();
        o.printf(Locale.ROOT, "Method: %s%s%n%n", first.method().id(), first.method() instanceof Forecast.MonteCarlo mc
            ? String.format(Locale.ROOT, ", %,d trials, seed %d, the same random numbers for every scenario", mc.trials(),
                mc.seed()) : "");
        String cell = "%" + width + "s";
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", ""));
        for (Column c : cases) {
            String n = c.name();
            header.append(String.format(Locale.ROOT, cell, n.length() <= width - 2 ? n : n.substring(0, width - 3) + "…"));
        }
        for (int i = 1; i < cases.size(); i++) {
            header.append(String.format(Locale.ROOT, "%12s", letters.get(i) + " - A"));
        }
        o.println(header.toString().stripTrailing());
        row(o, cell, "expected wins", cases, c -> c.forecast().total().mean(), "%.2f", "%+.2f", 1);
        row(o, cell, "P10", cases, c -> c.forecast().total().p10(), "%.0f", "%+.0f", 1);
        row(o, cell, "P50", cases, c -> c.forecast().total().p50(), "%.0f", "%+.0f", 1);
        row(o, cell, "P90", cases, c -> c.forecast().total().p90(), "%.0f", "%+.0f", 1);
        if (cases.stream().allMatch(c -> c.forecast().pHitTarget().isPresent())) {
            row(o, cell, "P(hit target)", cases, c -> c.forecast().pHitTarget().getAsDouble(), "%.1f%%", "%+.1f pts", 100);
        }
        if (cases.stream().allMatch(c -> c.forecast().revenue().isPresent())) {
            row(o, cell, "revenue (mean)", cases, c -> c.forecast().revenue().get().mean(), "%,.0f", "%+,.0f", 1);
        }
        if (cases.stream().allMatch(c -> c.inflowNeeded().isPresent())) {
            row(o, cell, String.format(Locale.ROOT, "new deals a day for %.0f%%", 100 * confidence), cases,
                c -> c.inflowNeeded().getAsDouble(), "%.2f", "%+.2f", 1);
            // what each scenario finds now, and how far that is from what it needs: the number to act on
            row(o, cell, "new deals a day now", cases, c -> c.funnel().scenario().inflow().perDay(), "%.2f", "%+.2f", 1);
            row(o, cell, "gap to now (need - now)", cases,
                c -> c.inflowNeeded().getAsDouble() - c.funnel().scenario().inflow().perDay(), "%+.2f", "%+.2f", 1);
        }
    }

    /** A setting as the header line shows it: whole when short, its path and the value's start otherwise. */
    private static String shortly(Setting s) {
        String text = s.toString();
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }

    private static void row(PrintWriter o, String cell, String label, List<Column> cases,
                            ToDoubleFunction<Column> value, String format, String diff,
                            double scale) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-28s", label));
        double a = value.applyAsDouble(cases.get(0)) * scale;
        for (Column c : cases) {
            b.append(String.format(Locale.ROOT, cell, String.format(Locale.ROOT, format, value.applyAsDouble(c) * scale)));
        }
        for (int i = 1; i < cases.size(); i++) {
            b.append(String.format(Locale.ROOT, "%12s", String.format(Locale.ROOT, diff, value.applyAsDouble(cases.get(i)) * scale - a)));
        }
        o.println(b.toString().stripTrailing());
    }

    /** A scenario as the command line asked for it: the argument, its file, its own settings and name, and the funnel read. */
    record Asked(String spec, String file, List<Setting> settings, String name, Funnel funnel) {
    }

    /** One column of the comparison: its name, what was asked for, its forecast and the inflow it needs. */
    record Column(String name, Asked asked, Forecast forecast, OptionalDouble inflowNeeded) {
        Funnel funnel() {
            return asked.funnel();
        }
    }
}
