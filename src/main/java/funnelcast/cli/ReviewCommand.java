package funnelcast.cli;

import funnelcast.model.Funnel;
import funnelcast.plan.Review;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Funnel funnel = input.funnel();
        Review review = threads.run(() -> Review.of(funnel, exactOptions.stepsPerDay(funnel.scenario().horizonDays())));
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            out.print(Json.text(ReviewOutput.json(review)));
        } else {
            ReviewOutput.print(out, review);
        }
        out.flush();
        return 0;
    }
}
