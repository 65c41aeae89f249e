package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.chart.PaceCharts;
import funnelcast.daily.Accuracy;
import funnelcast.daily.Moved;
import funnelcast.daily.Pace;
import funnelcast.store.Store;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pace", mixinStandardHelpOptions = true,
    description = {"The month so far from the store, day by day: new deals, stage entries and wins against the plan of "
        + "record, ahead or behind, what the remaining working days now need, and P(hit) with the 80%% interval "
        + "through the month (docs/day-by-day.md)."})
final class PaceCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "DB", description = "The store snapshot recorded into: an SQLite "
        + "file, or jdbc:postgresql://HOST/DB?user=U&password=P.")
    String db;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (default: that of the last recorded day).")
    String month;

    @Option(names = "--rep", paramLabel = "NAME", description = "One rep's pace (recorded with snapshot --by rep).")
    String rep;

    @Option(names = "--from", paramLabel = "DATE", description = "What moved from this recorded day (default: the month's "
        + "first recorded day).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "What moved up to this recorded day (default: the month's "
        + "last recorded day).")
    String to;

    @Mixin
    ResultOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        YearMonth asked = null;
        if (month != null) {
            try {
                asked = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw new InputException("--month: expected YYYY-MM, e.g. 2027-01, got '" + month + "'");
            }
        }
        if (rep != null && rep.isBlank()) {
            throw new InputException("--rep: expected a rep's name, got an empty one");
        }
        Store store = Store.open(db);
        Pace pace = Pace.read(store, Store.shown(db), rep, Optional.ofNullable(asked),
            Optional.ofNullable(from == null ? null : CalendarOptions.date("--from", from)),
            Optional.ofNullable(to == null ? null : CalendarOptions.date("--to", to)));
        Optional<Moved> moved = pace.moved();
        List<ResultOptions.Chart> charts = new ArrayList<>(List.of(new ResultOptions.Chart("pace-trend", () -> PaceCharts.trend(pace)),
            new ResultOptions.Chart("pace-wins", () -> PaceCharts.wins(pace))));
        moved.ifPresent(mv -> charts.add(new ResultOptions.Chart("pace-moved", () -> PaceCharts.moved(pace.scope(), mv))));
        pace.accuracy().ifPresent(a -> charts.add(new ResultOptions.Chart("pace-accuracy", () -> PaceCharts.accuracy(pace))));
        output.emit(spec.commandLine().getOut(), spec.commandLine().getErr(), "pace", pace, charts, o -> print(o, pace));
        return 0;
    }

    static void print(PrintWriter o, Pace p) {
        o.printf(Locale.ROOT, "Pace of %s, %s: %s, %d working days.%n", p.scope(), p.month(),
            p.targetWins().isPresent() ? "target " + p.targetWins().getAsInt() + " wins" : "no target", p.workingDays());
        if (p.planNewPerDay().isPresent()) {
            o.printf(Locale.ROOT, "Plan of record (as of %s): %.2f new deals a day, %.2f wins a day.%n", p.planAsOf(),
                p.planNewPerDay().getAsDouble(), p.planWinsPerDay().orElse(Double.NaN));
        } else {
            o.printf(Locale.ROOT, "No plan of record: the month's first recorded day (%s) has no target or no plan.%n",
                p.planAsOf());
        }
        o.println();
        o.printf(Locale.ROOT, "%-10s %3s %4s %5s %6s %4s %5s %6s %6s %7s %12s %9s%n", "date", "day", "new", "total", "plan",
            "wins", "total", "plan", "ahead", "P(hit)", "P10-P50-P90", "need/day");
        for (Pace.PaceDay d : p.days()) {
            o.printf(Locale.ROOT, "%-10s %3d %4d %5d %6s %4d %5d %6s %6s %7s %12s %9s%n", d.date(), d.dayOfMonth(), d.newDeals(),
                d.cumulativeNewDeals(), num(d.planNewDeals(), "%.1f"), d.wins(), d.cumulativeWins(), num(d.planWins(), "%.1f"),
                num(d.winsAheadOfPlan(), "%+.1f"), num(d.pHitTarget().isPresent()
                    ? OptionalDouble.of(100 * d.pHitTarget().getAsDouble()) : OptionalDouble.empty(), "%.1f%%"),
                d.p10() + "-" + d.p50() + "-" + d.p90(), num(d.neededPerDay(), "%.2f"));
        }
        Pace.PaceDay last = p.days().get(p.days().size() - 1);
        o.println();
        if (last.winsStillNeeded().isPresent()) {
            o.printf(Locale.ROOT, "As of %s: %d wins, %d still needed in %d working day%s", last.date(), last.cumulativeWins(),
                last.winsStillNeeded().getAsInt(), last.daysLeft(), last.daysLeft() == 1 ? "" : "s");
            o.printf(Locale.ROOT, last.neededPerDay().isPresent() ? ", which need %.2f new deals a day at the plan's confidence.%n"
                : ".%n", last.neededPerDay().orElse(0));
        }
        if (!p.planEntriesPerDay().isEmpty()) {
            // each milestone's entries over the recorded days, against the plan of record's arrivals a day over as many days
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Double> e : p.planEntriesPerDay().entrySet()) {
                int entries = p.days().stream().mapToInt(d -> d.entries().getOrDefault(e.getKey(), 0)).sum();
                line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %d (plan %.1f)", e.getKey(),
                    entries, e.getValue() * p.days().size()));
            }
            o.printf(Locale.ROOT, "Milestones entered on the %d recorded days: %s.%n", p.days().size(), line);
        }
        p.moved().ifPresent(m -> {
            o.printf(Locale.ROOT, "%nWhat moved from %s to %s (deals, value):%n", m.from(), m.to());
            bar(o, "open at " + m.from(), m.start());
            bar(o, "+ new", m.added());
            bar(o, "- won", m.won());
            bar(o, "- lost", m.lost());
            if (m.left().count() > 0) {
                bar(o, "- closed on a day not recorded", m.left());
            }
            bar(o, "= open at " + m.to(), m.end());
            o.printf(Locale.ROOT, "  of the deals open at both: %d advanced, %d fell back, %d moved and came back, %d stalled "
                + "(no event between)%n", m.advanced().count(), m.fellBack().count(), m.movedAndBack().count(),
                m.stalled().count());
            o.printf(Locale.ROOT, m.periodOver() ? "  slipped: %d deals the %s plan gave at least %.0f%% to be won by its month's "
                + "end are still open%n" : "  slipped: none yet (%d: the %s month is not over; a deal slips when its plan gave it "
                + "at least %.0f%% and the month ends with it open)%n", m.slipped().count(), m.from(), 100 * m.slipThreshold());
        });
        p.accuracy().ifPresent(a -> {
            o.printf(Locale.ROOT, "%nThe month is closed with %d wins. Its %d recorded forecasts: %.0f%% inside their 50%% "
                + "interval, %.0f%% inside their 80%% interval, mean CRPS %.2f.%n", a.actualWins(), a.scored(),
                100 * a.coverage50(), 100 * a.coverage80(), a.meanCrps());
            for (Accuracy r : p.repAccuracy()) {
                o.printf(Locale.ROOT, "  rep %s: %d wins; %.0f%% in 50%%, %.0f%% in 80%%, mean CRPS %.2f over %d days%n",
                    r.scope(), r.actualWins(), 100 * r.coverage50(), 100 * r.coverage80(), r.meanCrps(), r.scored());
            }
        });
        o.println();
        o.println("new, wins: that day's; total: the month's so far; plan: the plan of record's to that day; ahead: wins "
            + "against it; P(hit) and P10-P50-P90: the month's wins as forecast that day; need/day: new deals a day the rest "
            + "of the month needs (the re-plan).");
    }

    private static void bar(PrintWriter o, String label, Moved.Bar b) {
        o.printf(Locale.ROOT, "  %-34s %6d %14s%n", label, b.count(), String.format(Locale.ROOT, "%,.0f", b.value()));
    }

    private static String num(OptionalDouble v, String format) {
        return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble()) : "-";
    }
}
