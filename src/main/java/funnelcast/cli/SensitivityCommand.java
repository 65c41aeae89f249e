package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.chart.PlanCharts;
import funnelcast.model.Funnel;
import funnelcast.plan.Sensitivity;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = {"Which stage matters most: the bottleneck.",
        "Expected wins and P(hit target) when each stage's advance probability moves 5 points either "
            + "way and its dwell is scaled by 0.8 and 1.2, largest first."})
final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    TrialOptions trials;

    @Mixin
    ResultOptions output;

    @Mixin
    ScenarioInput input;

    @Mixin
    ExactOptions exactOptions;

    @Option(names = "--method", defaultValue = "exact", description = "exact (default) or monte-carlo "
        + "(common random numbers: every case runs on the same seed).")
    String method;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        output.check();
        Funnel funnel = input.funnel();
        Sensitivity result = threads.run(() -> switch (method) {
            case "exact" -> Sensitivity.exact(funnel,
                Math.min(100, exactOptions.stepsPerDay(funnel.scenario().horizonDays())));
            case "monte-carlo" -> Sensitivity.monteCarlo(funnel, trials.count, trials.seed(), threads.count());
            default -> throw new InputException("--method must be exact or monte-carlo, got '" + method + "'");
        });
        output.emit(spec.commandLine().getOut(), spec.commandLine().getErr(), "sensitivity", SensitivityOutput.json(result),
            List.of(new ResultOptions.Chart("tornado", () -> PlanCharts.tornado(funnel.scenario(), result))),
            o -> SensitivityOutput.print(o, result));
        return 0;
    }
}
