package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.backtest.Backtest;
import funnelcast.calibrate.MonthFit;
import funnelcast.chart.CalibrationCharts;
import funnelcast.history.History;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Were the forecasts right? A month-by-month backtest.",
        "Calibrate on what was known before each month, forecast it with parameter uncertainty, and "
            + "compare with the wins that happened, beside the stage-weighted pipeline and last month's "
            + "wins: coverage of the 50%% and 80%% intervals, PIT, CRPS."})
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    TrialOptions trials = new TrialOptions(10_000);

    @Mixin
    ResultOptions output;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "Event log CSV, or an opportunity table with --opportunities.")
    Path history;

    @Option(names = "--months", defaultValue = "0", description = "The last K complete months (default: every month after the first).")
    int months;

    @Option(names = "--window", defaultValue = "0", paramLabel = "DAYS",
        description = "Calibrate each month on visits that began in the last DAYS working days (default: all before it).")
    int window;

    @Mixin
    CalendarOptions calendar;

    @Mixin
    MonthOptions monthOptions;

    @Mixin
    OpportunityOptions opportunities;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // every option is checked before the history is read: a large one takes a while
        if (months < 0) {
            throw new InputException("--months: expected a number of months >= 0 (0 for every month), got " + months);
        }
        if (window < 0) {
            throw new InputException("--window: expected a number of working days >= 0 (0 for all before), got " + window);
        }
        MonthFit.Options monthFit = monthOptions.options();
        calendar.weekdaySet();
        calendar.holidaySet();
        calendar.workdaySet();
        trials.check();
        output.check();
        opportunities.check();
        History h = opportunities.read(history);
        LocalDate first = h.first().toLocalDate();
        LocalDate last = h.last().toLocalDate();
        PrintWriter err = spec.commandLine().getErr();
        long total = Math.max(1, ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)));
        ProgressBar bar = new ProgressBar(err, months > 0 ? months : total, "months");
        Backtest.Result r = Backtest.run(h, new Backtest.Options(calendar.clock(first, last.plusMonths(2)), months, window,
            trials.count, trials.seed(), threads.count(), bar::accept, monthFit));
        bar.finish();
        output.emit(spec.commandLine().getOut(), err, "backtest", BacktestOutput.json(r, h),
            List.of(new ResultOptions.Chart("backtest", () -> CalibrationCharts.backtest(r)),
                new ResultOptions.Chart("pit", () -> CalibrationCharts.pit(r)),
                new ResultOptions.Chart("calibration", () -> CalibrationCharts.calibration(r))),
            o -> BacktestOutput.print(o, r, h));
        return 0;
    }
}
