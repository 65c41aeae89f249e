package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Calibrator;
import funnelcast.calibrate.Horizon;
import funnelcast.calibrate.MonthFit;
import funnelcast.chart.CalibrationCharts;
import funnelcast.history.History;
import funnelcast.history.WorkClock;
import funnelcast.scenario.ScenarioWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Measures a funnel from CRM history and writes a scenario.",
        "Exit counts and rates with 90%% intervals, dwell times fitted with censoring (exponential,",
        "lognormal, gamma, weibull; best by AIC; exit-specific by EM where AIC prefers it), the",
        "inflow rate, the open pipeline with ages, and each rep's conversion shrunk toward the team's."})
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

    @Option(names = "--out", paramLabel = "SCENARIO", description = "Write the calibrated scenario (JSON) here.")
    Path out;

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
        History h = opportunities.read(history);
        LocalDate first = h.first().toLocalDate();
        LocalDate last = h.last().toLocalDate().isAfter(horizon.end()) ? h.last().toLocalDate() : horizon.end();
        WorkClock clock = calendar.clock(first, last);
        Calibrator.Options options = new Calibrator.Options(asOfDate, clock, horizon.start(), horizon.end(),
            window, target == null ? OptionalInt.empty() : OptionalInt.of(target),
            "Calibrated from " + history.getFileName() + " as of " + asOfDate, months);
        Calibration c = threads.run(() -> Calibrator.calibrate(h, options));
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.text(CalibrationOutput.json(c, horizon, h.reading())));
        } else {
            CalibrationOutput.print(o, c, horizon, h.reading());
        }
        if (charts != null) {
            ChartWriter w = new ChartWriter(charts, spec.commandLine().getErr());
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
}
