package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.daily.Snapshots;
import funnelcast.history.History;
import funnelcast.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Records a day into the store: its events, the open pipeline at its end, and the month's forecast and "
        + "plan calibrated as of that day, for the team and (--by rep) each rep.",
        "One transaction per day: a day is recorded whole or not at all, and recording it again replaces it. "
            + "--from and --to backfill every working day between them, going on after the last whole day "
            + "(docs/day-by-day.md)."})
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "Event log CSV, or an opportunity table with "
        + "--opportunities (the reading options of calibrate).")
    Path history;

    @Option(names = "--db", required = true, paramLabel = "DB", description = "The store: an SQLite file (made when missing), "
        + "or jdbc:postgresql://HOST/DB?user=U&password=P.")
    String db;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day to record (what was known by its end).")
    String asOf;

    @Option(names = "--from", paramLabel = "DATE", description = "With --to: record every working day from this date.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "With --from: the last day to record.")
    String to;

    @Option(names = "--replace", description = "With --from and --to: record again the days already in the store "
        + "(by default a backfill goes on after them).")
    boolean replace;

    @Option(names = "--by", paramLabel = "rep", description = "Also record each rep's own funnel, forecast and plan.")
    String by;

    @Option(names = "--target", paramLabel = "WINS", description = "The month's target wins (the team's; with --by rep, "
        + "each rep's too): P(hit) and the plan need it.")
    Integer target;

    @Option(names = "--window", defaultValue = "0", paramLabel = "DAYS",
        description = "Calibrate on the visits of the last DAYS working days (default: the whole history).")
    int window;

    @Mixin
    ConfidenceOption confidence;

    @Mixin
    CalendarOptions calendar;

    @Mixin
    OpportunityOptions opportunities;

    @Mixin
    MonthOptions monthOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // every option checked before the store is opened and the history read
        Asked asked = asked();
        if (by != null && !by.equals("rep")) {
            throw new InputException("--by: expected rep, got '" + by + "'");
        }
        if (target != null && target < 1) {
            throw new InputException("--target: expected a number of wins >= 1, got " + target);
        }
        if (window < 0) {
            throw new InputException("--window: expected a number of working days >= 0 (0 for the whole history), got " + window);
        }
        Snapshots.Options options = new Snapshots.Options(calendar.weekdaySet(), calendar.holidaySet(), calendar.workdaySet(),
            window, target, monthOptions.options(), confidence.value(), String.valueOf(history.getFileName()), Main.VERSION);
        opportunities.check();
        // the history read before the store is opened: an export that cannot be read leaves no new, empty database behind
        History h = threads.run(() -> opportunities.read(history)); // the parser on a thread of its own when --threads allows
        Store store = Store.open(db);
        List<LocalDate> days = asked.one() ? List.of(asked.from()) : Snapshots.workingDays(asked.from(), asked.to(), options);
        int skipped = 0;
        if (!asked.one() && !replace) {
            Set<LocalDate> done = store.recordedDays(Snapshots.TEAM);
            int before = days.size();
            days = days.stream().filter(d -> !done.contains(d)).toList();
            skipped = before - days.size();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, Math.max(1, days.size()), "days");
        // each day recorded as soon as it is made: a day never waits for another, and a stopped backfill keeps every
        // finished day; the next one skips them
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger scopes = new AtomicInteger();
        Map<LocalDate, List<String>> notes = new ConcurrentSkipListMap<>();
        List<LocalDate> todo = days;
        threads.run(() -> {
            Snapshots.each(h, todo, by != null, options, r -> {
                if (!r.days().isEmpty()) {
                    store.record(r.days());
                    recorded.incrementAndGet();
                    scopes.accumulateAndGet(r.days().size(), Math::max);
                }
                notes.put(r.day(), r.notes());
                progress.accept(made.incrementAndGet());
            });
            return null;
        });
        progress.finish();
        notes.values().forEach(list -> list.forEach(n -> err.println("note: " + n)));
        err.flush();
        out.printf(Locale.ROOT, "Recorded %d day%s into %s (the team%s)%s.%n", recorded.get(), recorded.get() == 1 ? "" : "s",
            Store.shown(db), scopes.get() > 1 ? " and " + (scopes.get() - 1) + " reps" : "",
            skipped > 0 ? "; " + skipped + " already recorded, left as they were (--replace records them again)" : "");
        out.flush();
        return recorded.get() == 0 && !days.isEmpty() ? 2 : 0;
    }

    /** The asked days: one (--as-of), or every working day from {@code from} to {@code to}. */
    private record Asked(LocalDate from, LocalDate to, boolean one) {
    }

    /** --as-of alone, or --from and --to in order; checked before anything is read. */
    private Asked asked() {
        if (asOf != null) {
            if (from != null || to != null) {
                throw new InputException("--as-of records one day; --from and --to a range: give one or the other");
            }
            LocalDate day = CalendarOptions.date("--as-of", asOf);
            return new Asked(day, day, true);
        }
        if (from == null || to == null) {
            throw new InputException("give the day to record (--as-of DATE) or a range to backfill (--from DATE --to DATE)");
        }
        LocalDate a = CalendarOptions.date("--from", from);
        LocalDate b = CalendarOptions.date("--to", to);
        if (b.isBefore(a)) {
            throw new InputException("--to " + b + " is before --from " + a);
        }
        return new Asked(a, b, false);
    }
}
