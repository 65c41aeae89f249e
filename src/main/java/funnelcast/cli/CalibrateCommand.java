package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Calibrator;
import funnelcast.calibrate.Horizon;
import funnelcast.calibrate.MonthFit;
import funnelcast.chart.CalibrationCharts;
import funnelcast.history.History;
import funnelcast.history.HistoryFile;
import funnelcast.scenario.ScenarioWriter;
import funnelcast.segment.SegmentEngine;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Measures a funnel from CRM history and writes a scenario.",
        "Exit counts and rates with 90%% intervals, dwell times fitted with censoring (exponential, "
            + "lognormal, gamma, weibull; best by AIC; exit-specific by EM where AIC prefers it), the "
            + "inflow rate, the open pipeline with ages, and each rep's conversion shrunk toward the team's."})
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "Event log CSV (deal_id,stage,entered_at[,rep,value]), "
        + "or an opportunity table with --opportunities.")
    Path history;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "Use only what was known by the end of this date.")
    String asOf;

    @Mixin
    CalendarOptions calendar;

    @Mixin
    OpportunityOptions opportunities;

    @Option(names = "--horizon-start", paramLabel = "DATE", description = "First day of the scenario's horizon (default: the day after --as-of, or the first of the "
        + "next month when the rest of the --as-of month holds no working day).")
    String horizonStart;

    @Option(names = "--horizon-end", paramLabel = "DATE", description = "Last day of the horizon (default: the end of the horizon's first month).")
    String horizonEnd;

    @Option(names = "--window", defaultValue = "0", paramLabel = "DAYS",
        description = "Fit only visits that began in the last DAYS working days, and measure the inflow over them "
            + "(default: the whole history).")
    int window;

    @Option(names = "--target", paramLabel = "WINS", description = "Target wins to write into the scenario.")
    Integer target;

    @Option(names = "--out", paramLabel = "SCENARIO", description = "Write the calibrated scenario (JSON) here; with --by, "
        + "a folder for one scenario per value.")
    Path out;

    @Option(names = "--by", paramLabel = "COLUMN", description = "Calibrate one scenario per value of COLUMN (a team, "
        + "product, source or region) into the --out folder, with a summary table; ready for funnel sweep --scenarios.")
    String by;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark", description = "With --by: where the "
        + "segments are calibrated (default ${DEFAULT-VALUE}; spark runs each segment as a Spark task and writes the same "
        + "scenarios, docs/sweep.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. 'local[2]' "
        + "(default: spark-submit's, or the spark.master property).")
    String master;

    @Mixin
    ChartSize size;

    @Option(names = "--charts", paramLabel = "DIR", description = "Write each stage's survival chart (survival-STAGE.png/svg) into DIR.")
    Path charts;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print the calibration summary as JSON.")
    boolean json;

    @Mixin
    MonthOptions monthOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The horizon given, or the default after the as-of date (the next month where the rest of its own holds no working day). */
    private Horizon horizon(LocalDate asOfDate) {
        Set<DayOfWeek> weekdays = calendar.weekdaySet();
        Set<LocalDate> holidays = calendar.holidaySet();
        if (horizonStart == null && horizonEnd == null) {
            return Horizon.after(asOfDate, weekdays, holidays, calendar.workdaySet());
        }
        LocalDate start = horizonStart != null ? CalendarOptions.date("--horizon-start", horizonStart) : asOfDate.plusDays(1);
        LocalDate end = horizonEnd != null ? CalendarOptions.date("--horizon-end", horizonEnd)
            : start.withDayOfMonth(start.lengthOfMonth());
        return Horizon.given(start, end, weekdays, holidays, calendar.workdaySet());
    }

    @Override
    public Integer call() throws Exception {
        size.check(); // a bad --size refused before the reading and the fit
        // every option and the horizon are checked before the history is read: a large one takes a while
        LocalDate asOfDate = CalendarOptions.date("--as-of", asOf);
        if (out != null && Files.exists(out) && !force) {
            throw new InputException(out + " exists; pass --force to overwrite it");
        }
        if (window < 0) {
            throw new InputException("--window: expected a number of working days >= 0 (0 for the whole history), got "
                + window);
        }
        if (target != null && target < 0) {
            throw new InputException("--target: expected a number of wins >= 0, got " + target);
        }
        MonthFit.Options months = monthOptions.options();
        Horizon horizon = horizon(asOfDate);
        opportunities.check();
        if (by != null) {
            return bySegment(asOfDate, horizon, months);
        }
        History h = threads.run(() -> opportunities.read(history)); // the parser on a thread of its own when --threads allows
        Calibration c = calibrate(h, asOfDate, horizon, months, "");
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.text(CalibrationOutput.json(c, horizon, h.reading())));
        } else {
            CalibrationOutput.print(o, c, horizon, h.reading());
        }
        if (charts != null) {
            ChartWriter w = size.writer(charts, spec.commandLine().getErr());
            for (Calibration.StageFit s : c.stages()) {
                w.write("survival-" + s.id(), CalibrationCharts.survival(s));
            }
        }
        if (out != null) {
            AtomicFiles.write(out, ScenarioWriter.json(c.scenario()).getBytes(StandardCharsets.UTF_8));
            if (!json) {
                o.printf(Locale.ROOT, "%nWrote %s (run: funnel forecast %s --uncertainty)%n", out, out);
            }
        }
        o.flush();
        return 0;
    }

    /**
     * Calibrates {@code h} as of the date for the horizon, on the calendar's working days from the
     * history's first day to the later of its last and the horizon's end; {@code segment} is said
     * in the scenario's name (" (region = East)" under --by, else empty).
     */
    private Calibration calibrate(History h, LocalDate asOfDate, Horizon horizon, MonthFit.Options months, String segment) {
        return calibrate(h, asOfDate, horizon, months, calendar, window, target == null ? OptionalInt.empty()
            : OptionalInt.of(target), "Calibrated from " + history.getFileName() + segment + " as of " + asOfDate, threads);
    }

    /**
     * Calibrates a history as of the date for the horizon, on the calendar's working days from
     * the history's first day to the later of its last and the horizon's end: the one way
     * calibrate and reps read a history into a funnel.
     */
    static Calibration calibrate(History h, LocalDate asOfDate, Horizon horizon, MonthFit.Options months,
                                 CalendarOptions calendar, int window, OptionalInt target, String name, ThreadsOption threads) {
        SegmentEngine.Settings settings = settings(asOfDate, horizon, months, calendar, window, target);
        return threads.run(() -> Calibrator.calibrate(h, settings.options(h, name)));
    }

    private static SegmentEngine.Settings settings(LocalDate asOfDate, Horizon horizon, MonthFit.Options months,
                                                   CalendarOptions calendar, int window, OptionalInt target) {
        return new SegmentEngine.Settings(asOfDate, calendar.weekdaySet(), calendar.holidaySet(), calendar.workdaySet(),
            horizon.start(), horizon.end(), window, target.isPresent() ? target.getAsInt() : null, months);
    }

    /** A segment's line of the --by summary: its scenario file, or why it could not be calibrated. */
    record Segment(String value, int rows, Integer deals, Integer openDeals, Double inflowPerDay, Double pWinFromEntry,
                   String scenario, String error) {
    }

    /**
     * One calibration per value of the --by column, each on the rows that hold it (and --where),
     * from one parse of the file, on the engine --engine names; each scenario written into the
     * --out folder by this process. A value that cannot be calibrated keeps its line with why.
     */
    private int bySegment(LocalDate asOfDate, Horizon horizon, MonthFit.Options months) throws Exception {
        if (out == null) {
            throw new InputException("--by writes one scenario per value: give --out DIR, a folder");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException("--out " + out + ": with --by, expected a folder, not a file");
        }
        if (charts != null) {
            throw new InputException("--charts draws one calibration: leave it out with --by");
        }
        SegmentEngine runner = Engines.choose(SegmentEngine.class, SegmentEngine.LOCAL, SegmentEngine::name, engine, master);
        HistoryFile file = HistoryFile.read(history);
        Map<String, Integer> values = file.values(by);
        SegmentEngine.Settings settings = settings(asOfDate, horizon, months, calendar, window,
            target == null ? OptionalInt.empty() : OptionalInt.of(target));
        List<SegmentEngine.Result> results = new ArrayList<>();
        List<SegmentEngine.Case> cases = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), values.size(), "segments read");
        for (Map.Entry<String, Integer> v : values.entrySet()) {
            Map<String, Set<String>> rows = new LinkedHashMap<>(opportunities.where());
            rows.merge(by, Set.of(v.getKey()), (a, b) -> a.contains(v.getKey()) ? b : Set.of());
            Path scenario = out.resolve(slug(v.getKey(), names) + ".json");
            files.add(scenario);
            try {
                if (Files.exists(scenario) && !force) {
                    throw new InputException(scenario + " exists; pass --force to overwrite it");
                }
                History h = opportunities.read(file, rows);
                cases.add(new SegmentEngine.Case(v.getKey(), v.getValue(), h, "Calibrated from " + history.getFileName()
                    + " (" + by + " = " + v.getKey() + ") as of " + asOfDate, settings));
                results.add(null); // calibrated below
            } catch (InputException e) {
                results.add(SegmentEngine.Result.failed(v.getKey(), v.getValue(), e.getMessage()));
            }
            progress.accept(results.size());
        }
        progress.finish();
        List<SegmentEngine.Result> calibrated = threads.run(() -> runner.calibrate(cases, master));
        Files.createDirectories(out);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0, next = 0; i < results.size(); i++) {
            SegmentEngine.Result r = results.get(i) != null ? results.get(i) : calibrated.get(next++);
            String written = null;
            if (r.error() == null) {
                AtomicFiles.write(files.get(i), r.scenario().getBytes(StandardCharsets.UTF_8));
                written = files.get(i).toString();
            }
            segments.add(new Segment(r.value(), r.rows(), r.deals(), r.openDeals(), r.inflowPerDay(), r.pWinFromEntry(),
                written, r.error()));
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.text(Map.of("by", by, "segments", segments)));
        } else {
            int width = Math.max(5, segments.stream().mapToInt(g -> g.value().length()).max().orElse(5));
            o.printf(Locale.ROOT, "Calibrated %s by %s as of %s: %d values.%n%n", history.getFileName(), by, asOfDate,
                segments.size());
            o.printf(Locale.ROOT, "%-" + width + "s %7s %7s %6s %10s %9s  %s%n", "value", "rows", "deals", "open", "inflow/day",
                "P(win)", "scenario");
            for (Segment g : segments) {
                if (g.error() != null) {
                    o.printf(Locale.ROOT, "%-" + width + "s %7d  not calibrated: %s%n", g.value(), g.rows(), g.error());
                } else {
                    o.printf(Locale.ROOT, "%-" + width + "s %7d %7d %6d %10.3f %9.3f  %s%n", g.value(), g.rows(), g.deals(),
                        g.openDeals(), g.inflowPerDay(), g.pWinFromEntry(), g.scenario());
                }
            }
            o.printf(Locale.ROOT, "%nP(win) is a new deal's chance at the entry stage. Compare them: funnel sweep --scenarios %s "
                + "--out %s%n", out, out.resolve("sweep.csv"));
        }
        o.flush();
        return segments.stream().allMatch(g -> g.error() != null) ? 2 : 0;
    }

    /** A file name for a value: lower-cased, each run of other characters than letters and digits a '-'; unique. */
    private static String slug(String value, Set<String> taken) {
        String base = value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        base = base.isEmpty() ? "blank" : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
