package funnelcast.cli;

import funnelcast.history.History;
import funnelcast.history.Reading;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Reads a CRM export as calibrate would and says how, without fitting anything: each column and its "
        + "role, each date column's rule with two rows read by it, the amounts read and blank, the stage names (or "
        + "outcome values) and what each became, the footer lines skipped, the period, the deals and the events.",
        "Takes the reading options of calibrate (--columns, --opportunities, --won-label, --stage-map, --date-format, "
            + "...), so that what it shows is what calibrate will read."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HISTORY", description = "The CSV file: an event log, or with --opportunities "
        + "an opportunity table.")
    Path history;

    @Mixin
    OpportunityOptions opportunities;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** How the file was read, as --json prints it. */
    record View(String file, String format, int rows, int deals, int events, LocalDateTime first, LocalDateTime last,
                List<Reading.Column> columns, List<Reading.Dates> dates, Reading.Amounts amounts, String namesAre,
                List<Reading.Name> names, List<Reading.Line> footer, List<String> notes) {
        static View of(History h) {
            Reading r = h.reading();
            boolean table = r.format().equals("opportunity table");
            return new View(h.source(), r.format(), r.rows(), h.deals().size(),
                h.deals().stream().mapToInt(d -> d.events().size()).sum(), h.first(), h.last(), r.columns(), r.dates(),
                r.amounts(), table ? "outcomes" : "stages", r.names(), r.footer(), h.notes());
        }
    }

    @Override
    public Integer call() {
        History h = opportunities.read(history);
        View v = View.of(h);
        PrintWriter o = spec.commandLine().getOut();
        if (json.on) {
            o.print(Json.text(v));
        } else {
            print(o, v);
        }
        o.flush();
        return 0;
    }

    private static void print(PrintWriter o, View v) {
        o.printf(Locale.ROOT, "%s: %d rows read as an %s: %d deals, %d events, from %s to %s.%n", v.file(), v.rows(),
            v.format(), v.deals(), v.events(), v.first(), v.last());
        int width = v.columns().stream().mapToInt(c -> c.name().length()).max().orElse(6);
        o.printf(Locale.ROOT, "%nColumns:%n");
        for (Reading.Column c : v.columns()) {
            o.printf(Locale.ROOT, "  %-" + width + "s  %s%n", c.name(), c.role());
        }
        o.printf(Locale.ROOT, "%nDates:%n");
        for (Reading.Dates d : v.dates()) {
            o.printf(Locale.ROOT, "  %s: %s%n", d.column(), d.rule());
            for (Reading.Example e : d.examples()) {
                o.printf(Locale.ROOT, "    line %d: '%s' read as %s%n", e.line(), e.text(), e.read());
            }
        }
        if (v.amounts() != null) {
            o.printf(Locale.ROOT, "%nAmounts (%s): %d read, %d blank%n", v.amounts().column(), v.amounts().read(),
                v.amounts().blank());
        }
        o.printf(Locale.ROOT, "%n%s:%n", v.namesAre().equals("outcomes") ? "Outcome values and what each became"
            : "Stage names and the ids they became");
        int nameWidth = v.names().stream().mapToInt(n -> n.value().length() + 2).max().orElse(6);
        for (Reading.Name n : v.names()) {
            long sharing = v.names().stream().filter(x -> x.became().equals(n.became())).count();
            o.printf(Locale.ROOT, "  %-" + nameWidth + "s -> %-20s %6d rows%s%n", "'" + n.value() + "'", n.became(), n.rows(),
                sharing > 1 && !v.namesAre().equals("outcomes") ? "  (merged: " + sharing + " names)" : "");
        }
        if (!v.footer().isEmpty()) {
            o.printf(Locale.ROOT, "%nFooter skipped:%n");
            for (Reading.Line l : v.footer()) {
                o.printf(Locale.ROOT, "  line %d: %s%n", l.line(), l.text());
            }
        }
        if (!v.notes().isEmpty()) {
            o.printf(Locale.ROOT, "%nNotes:%n");
            v.notes().forEach(n -> o.printf(Locale.ROOT, "  %s%n", n));
        }
    }
}
