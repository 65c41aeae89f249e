package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.exact.ExactMethod;
import picocli.CommandLine.Option;

/** The exact method's grid resolution, shared by the commands that use it. */
final class ExactOptions {
    @Option(names = "--grid-steps", paramLabel = "M", description = "Exact method, non-exponential dwells: grid "
        + "steps per working day (default: about 8000 over the horizon, at most 400 a day).")
    Integer gridSteps;

    int stepsPerDay(int horizonDays) {
        int steps = gridSteps != null ? gridSteps : ExactMethod.defaultStepsPerDay(horizonDays);
        if (steps < 1 || steps > 10_000) {
            throw new InputException("--grid-steps must lie in 1..10000, got " + steps);
        }
        return steps;
    }
}
