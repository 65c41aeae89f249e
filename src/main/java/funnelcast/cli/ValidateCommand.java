package funnelcast.cli;

import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks a scenario against every rule of the format; prints a summary, or the first error and exits 2.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ScenarioInput input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Funnel funnel = input.funnel();
        Scenario s = funnel.scenario();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: valid. \"%s\": %d stages (entry %s), %d working days %s..%s, %d pipeline deals, "
                + "inflow %.3g a day%s.%n", input.file, s.name(), s.stages().size(), s.entry(), s.horizonDays(),
            s.calendar().start(), s.calendar().end(), s.pipelineDeals(), s.inflow().perDay(),
            s.target().wins().isPresent() ? ", target " + s.target().wins().getAsInt() + " wins" : "");
        out.flush();
        return 0;
    }
}
