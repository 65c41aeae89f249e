package funnelcast.cli;

import funnelcast.InputException;
import picocli.CommandLine.Option;

/** {@code --confidence C}: the P(hit target) that the inflow needed is planned for. */
final class ConfidenceOption {
    @Option(names = "--confidence", paramLabel = "C", description = "The P(hit target) to plan the inflow for, strictly "
        + "between 0 and 1 (default ${DEFAULT-VALUE}).")
    double value = 0.8;

    /** The confidence, checked. */
    double value() {
        if (!(value > 0 && value < 1)) {
            throw new InputException("--confidence must lie strictly between 0 and 1, got " + value);
        }
        return value;
    }
}
