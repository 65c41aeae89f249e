package funnelcast.cli;

import funnelcast.engine.MonteCarloEngine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --trials} and {@code --seed}, for every command that runs Monte Carlo. A command with
 * another count by default makes the mixin with it ({@code new TrialOptions(10_000)}).
 */
final class TrialOptions {
    @Option(names = "--trials", paramLabel = "N", description = "Monte Carlo trials (default ${DEFAULT-VALUE}).")
    long count;

    @Mixin
    SeedOption seed;

    TrialOptions() {
        this(100_000);
    }

    TrialOptions(long count) {
        this.count = count;
    }

    long seed() {
        return seed.value;
    }

    /** Refuses a trial count the engine would refuse, before any work (a history read, a calibration). */
    void check() {
        MonteCarloEngine.checkTrials(count);
    }
}
