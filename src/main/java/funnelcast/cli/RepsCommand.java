package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Horizon;
import funnelcast.calibrate.MonthFit;
import funnelcast.chart.RepCharts;
import funnelcast.exact.ExactMethod;
import funnelcast.history.History;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import funnelcast.reps.RepFunnels;
import funnelcast.scenario.ScenarioSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reps", mixinStandardHelpOptions = true,
    description = {"Each rep's funnel from the team's history: where a rep converts below the team, and what to coach.",
        "Every exit of every stage and the inflow are shrunk toward the team's by empirical Bayes "
            + "(Dirichlet-multinomial, Gamma-Poisson). A stage is flagged for a rep when P(below the team) is at least "
            + "0.9 and the gap costs at least one expected win a month; the flag names the stage's skills "
            + "(from --skills). With --quota, each rep's forecast of it and the new deals a day it takes (docs/reps.md)."})
final class RepsCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "Event log CSV with a rep column, or an opportunity "
        + "table with --opportunities (the reading options of calibrate).")
    Path history;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "Use only what was known by the end of this date.")
    String asOf;

    @Option(names = "--window", defaultValue = "0", paramLabel = "DAYS",
        description = "Only visits that began in the last DAYS working days (default: the whole history).")
    int window;

    @Option(names = "--quota", paramLabel = "WINS", description = "Each rep's target wins this period: the forecast gives "
        + "P(hit) of it and the new deals a day it takes.")
    Integer quota;

    @Option(names = "--skills", paramLabel = "SCENARIO", description = "A scenario whose stages list the skills to coach "
        + "(matched by stage id), e.g. scenarios/telesales.json.")
    Path skills;

    @Mixin
    CalendarOptions calendar;

    @Mixin
    OpportunityOptions opportunities;

    @Mixin
    MonthOptions monthOptions;

    @Mixin
    ResultOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        LocalDate asOfDate = CalendarOptions.date("--as-of", asOf);
        if (quota != null && quota < 1) {
            throw new InputException("--quota: expected a number of wins >= 1, got " + quota);
        }
        if (window < 0) {
            throw new InputException("--window: expected a number of working days >= 0 (0 for the whole history), got " + window);
        }
        Map<String, List<String>> coached = new LinkedHashMap<>();
        if (skills != null) {
            Scenario s = ScenarioSource.readFile(skills);
            for (Stage st : s.stages()) {
                coached.put(st.id(), st.skills());
            }
        }
        MonthFit.Options months = monthOptions.options();
        opportunities.check();
        Horizon horizon = Horizon.after(asOfDate, calendar.weekdaySet(), calendar.holidaySet(), calendar.workdaySet());
        History h = threads.run(() -> opportunities.read(history)); // the parser on a thread of its own when --threads allows
        if (h.deals().stream().noneMatch(d -> d.rep() != null)) {
            throw new InputException(history + ": no deal names a rep; give the rep column (--columns rep=COLUMN)");
        }
        Calibration c = CalibrateCommand.calibrate(h, asOfDate, horizon, months, calendar, window, OptionalInt.empty(),
            "Reps of " + history.getFileName() + " as of " + asOfDate, threads);
        int steps = ExactMethod.defaultStepsPerDay(c.scenario().horizonDays());
        RepFunnels reps = threads.run(() -> RepFunnels.of(c, coached,
            quota == null ? OptionalInt.empty() : OptionalInt.of(quota), steps));
        List<ResultOptions.Chart> charts = new ArrayList<>(List.of(new ResultOptions.Chart("rep-gaps", () -> RepCharts.gaps(reps))));
        if (quota != null) {
            charts.add(new ResultOptions.Chart("rep-phit", () -> RepCharts.pHit(reps)));
        }
        output.emit(spec.commandLine().getOut(), spec.commandLine().getErr(), "reps", RepsOutput.json(c, reps), charts,
            o -> RepsOutput.print(o, c, reps, skills != null));
        return 0;
    }
}
