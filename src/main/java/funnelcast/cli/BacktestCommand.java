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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    @Option(names = "--by", paramLabel = "rep", description = "Backtest each rep's own history (the deals the rep holds), "
        + "to see whose forecasts are least reliable.")
    String by;

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
        if (by != null && !by.equals("rep")) {
            throw new InputException("--by: expected rep (each rep's own history), got '" + by + "'");
        }
        History h = threads.run(() -> opportunities.read(history)); // the parser on a thread of its own when --threads allows
        LocalDate first = h.first().toLocalDate();
        LocalDate last = h.last().toLocalDate();
        PrintWriter err = spec.commandLine().getErr();
        if (by != null) {
            return byRep(h, first, last, monthFit, err);
        }
        Backtest.Result r = run(h, first, last, monthFit, err, "months");
        output.emit(spec.commandLine().getOut(), err, "backtest", BacktestOutput.json(r, h),
            List.of(new ResultOptions.Chart("backtest", () -> CalibrationCharts.backtest(r)),
                new ResultOptions.Chart("pit", () -> CalibrationCharts.pit(r)),
                new ResultOptions.Chart("calibration", () -> CalibrationCharts.calibration(r))),
            o -> BacktestOutput.print(o, r, h));
        return 0;
    }

    /** One backtest, with its progress bar; the clock is the whole history's, so that a rep's runs as the team's does. */
    private Backtest.Result run(History h, LocalDate first, LocalDate last, MonthFit.Options monthFit, PrintWriter err,
                                String what) {
        long total = Math.max(1, ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)));
        ProgressBar bar = new ProgressBar(err, months > 0 ? months : total, what);
        Backtest.Result r = Backtest.run(h, new Backtest.Options(calendar.clock(first, last.plusMonths(2)), months, window,
            trials.count, trials.seed(), threads.count(), bar::accept, monthFit));
        bar.finish();
        return r;
    }

    /** Each rep's own backtest: the deals the rep holds, as if they were a team's history. */
    private int byRep(History h, LocalDate first, LocalDate last, MonthFit.Options monthFit, PrintWriter err) throws Exception {
        List<String> reps = h.deals().stream().map(History.Deal::rep).filter(Objects::nonNull).distinct().sorted().toList();
        if (reps.isEmpty()) {
            throw new InputException(history + ": no deal names a rep; give the rep column (--columns rep=COLUMN)");
        }
        List<BacktestOutput.RepScore> scores = new ArrayList<>();
        for (String rep : reps) {
            History own = new History(h.source() + " (rep " + rep + ")",
                h.deals().stream().filter(d -> rep.equals(d.rep())).toList(), h.notes());
            try {
                scores.add(BacktestOutput.RepScore.of(rep, run(own, first, last, monthFit, err, "months of " + rep)));
            } catch (InputException tooLittle) {
                scores.add(BacktestOutput.RepScore.failed(rep, tooLittle.getMessage()));
            }
        }
        if (scores.stream().allMatch(s -> s.error() != null)) {
            throw new InputException(history + ": no rep's history could be backtested; " + scores.get(0).error());
        }
        BacktestOutput.ByRep result = BacktestOutput.ByRep.of(scores);
        output.emit(spec.commandLine().getOut(), err, "backtest-by-rep", result, List.of(),
            o -> BacktestOutput.printByRep(o, result));
        return 0;
    }
}
