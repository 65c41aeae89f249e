package funnelcast.cli;

import funnelcast.model.Funnel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Walks through the funnel maths in words and numbers, for trainers.",
        "Each milestone's eventual win probability, expected visits, and the daily inflow and stock "
            + "per stage that the target needs in steady state (docs/model.md, planner)."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    ScenarioInput input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Funnel funnel = input.funnel();
        threads.run(() -> {
            ExplainOutput.print(out, funnel);
            return null;
        });
        out.flush();
        return 0;
    }
}
