package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.history.HistorySimulator;
import funnelcast.history.LogLine;
import funnelcast.history.WorkClock;
import funnelcast.model.Funnel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate-history", mixinStandardHelpOptions = true,
    description = {"Writes a synthetic CRM event log from a scenario.",
        "Its inflow over N working days from the calendar's start, its pipeline dated back by age, "
            + "every deal following the model; deals still open at the end stay open. For trainers, and "
            + "to check calibration."})
final class SimulateHistoryCommand implements Callable<Integer> {
    @Mixin
    SeedOption seed;

    @Mixin
    ScenarioInput input;

    @Option(names = "--days", required = true, description = "Working days of history.")
    int days;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 100_000) {
            throw new InputException("--days must lie in 1..100000, got " + days);
        }
        Funnel funnel = input.funnel();
        var cal = funnel.scenario().calendar();
        List<LogLine> rows = HistorySimulator.simulate(funnel, days, seed.value);
        WorkClock clock = new WorkClock(cal.weekdays(), cal.holidays(), cal.workdays(), cal.start().minusDays(3 * 366),
            cal.start().plusDays(days * 2L + 400));
        StringWriter text = new StringWriter();
        HistorySimulator.write(rows, clock, cal.start(), text);
        if (out != null) {
            AtomicFiles.write(out, text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            PrintWriter o = spec.commandLine().getOut();
            o.print(text);
            o.flush();
        }
        return 0;
    }
}
