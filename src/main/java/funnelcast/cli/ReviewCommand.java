package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.model.Funnel;
import funnelcast.plan.Review;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "review", mixinStandardHelpOptions = true,
    description = {"The pipeline review for the funnel-advancement meeting.",
        "Every pipeline deal by stage, stale ones first (older than 90%% of visits to the stage), with "
            + "its chance to win this period and eventually, each stage's review questions, and the stages "
            + "holding fewer deals than the target's steady state needs."})
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Mixin
    ScenarioInput input;

    @Mixin
    ExactOptions exactOptions;

    @Option(names = "--rep", paramLabel = "NAME", description = "Only this rep's deals (the stages' counts stay the team's).")
    String rep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Funnel funnel = input.funnel();
        Review team = threads.run(() -> Review.of(funnel, exactOptions.stepsPerDay(funnel.scenario().horizonDays())));
        if (rep != null && !team.reps().contains(rep)) {
            throw new InputException("--rep " + rep + ": no pipeline deal has this rep; "
                + (team.reps().isEmpty() ? "the scenario's deals name no rep" : "the reps are " + String.join(", ", team.reps())));
        }
        Review review = rep == null ? team : team.forRep(rep);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            out.print(Json.text(ReviewOutput.json(review)));
        } else {
            ReviewOutput.print(out, review, rep);
        }
        out.flush();
        return 0;
    }
}
