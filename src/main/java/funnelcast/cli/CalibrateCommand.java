package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Calibrator;
import funnelcast.history.History;
import funnelcast.history.WorkClock;
import funnelcast.scenario.ScenarioWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Measures a funnel from CRM history and writes a scenario.",
        "Exit counts and rates with 90%% intervals, dwell times fitted with censoring (exponential,",
        "lognormal, gamma, weibull; best by AIC; exit-specific by EM where AIC prefers it), the",
        "inflow rate, the open pipeline with ages, and each rep's conversion shrunk toward the team's."})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HISTORY", description = "Event log CSV (deal_id,stage,entered_at[,rep,value]), "
        + "or an opportunity table with --opportunities.")
    Path history;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "Use only what was known by the end of this date.")
    String asOf;

    @Mixin
    CalendarOptions calendar;

    @Mixin
    OpportunityOptions opportunities;

    @Option(names = "--horizon-start", paramLabel = "DATE", description = "First day of the scenario's horizon (default: the day after --as-of).")
    String horizonStart;

    @Option(names = "--horizon-end", paramLabel = "DATE", description = "Last day of the horizon (default: the end of that month).")
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

    @Override
    public Integer call() throws Exception {
        LocalDate asOfDate = CalendarOptions.date("--as-of", asOf);
        if (out != null && Files.exists(out) && !force) {
            throw new InputException(out + " exists; pass --force to overwrite it");
        }
        History h = opportunities.read(history);
        LocalDate[] horizon = Calibrator.defaultHorizon(asOfDate);
        LocalDate start = horizonStart != null ? CalendarOptions.date("--horizon-start", horizonStart) : horizon[0];
        LocalDate end = horizonEnd != null ? CalendarOptions.date("--horizon-end", horizonEnd) : horizon[1];
        LocalDate first = h.first().toLocalDate();
        LocalDate last = h.last().toLocalDate().isAfter(end) ? h.last().toLocalDate() : end;
        WorkClock clock = calendar.clock(first, last);
        Calibration c = Calibrator.calibrate(h, new Calibrator.Options(asOfDate, clock, start, end, window,
            target == null ? OptionalInt.empty() : OptionalInt.of(target),
            "Calibrated from " + history.getFileName() + " as of " + asOfDate, monthOptions.options()));
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.text(CalibrationOutput.json(c)));
        } else {
            CalibrationOutput.print(o, c);
        }
        if (charts != null) {
            ChartWriter w = new ChartWriter(charts, spec.commandLine().getErr());
            for (Calibration.StageFit s : c.stages()) {
                w.write("survival-" + s.id(), funnelcast.chart.CalibrationCharts.survival(s));
            }
        }
        if (out != null) {
            AtomicFiles.write(out, ScenarioWriter.json(c.scenario()).getBytes(StandardCharsets.UTF_8));
            if (!json) {
                o.printf("%nWrote %s (run: funnel forecast %s --uncertainty)%n", out, out);
            }
        }
        o.flush();
        return 0;
    }
}
