package funnelcast.cli;

import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.scenario.ScenarioSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
        return validate(input.file, spec.commandLine().getOut());
    }

    /** Reads and checks the scenario, prints its summary; bad input throws. */
    static int validate(Path file, PrintWriter out) {
        Funnel funnel = Funnel.of(ScenarioSource.readFile(file));
        Scenario s = funnel.scenario();
        out.printf(Locale.ROOT, "%s: valid. \"%s\": %d stages (entry %s), %d working days %s..%s, %d pipeline deals, "
                + "inflow %.3g a day%s.%n", file, s.name(), s.stages().size(), s.entry(), s.horizonDays(),
            s.calendar().start(), s.calendar().end(), s.pipelineDeals(), s.inflow().perDay(),
            s.target().wins().isPresent() ? ", target " + s.target().wins().getAsInt() + " wins" : "");
        out.flush();
        return 0;
    }
}
