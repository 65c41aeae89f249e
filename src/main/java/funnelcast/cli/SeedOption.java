package funnelcast.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: the same seed (and trials) give the same numbers, whatever the thread count. */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long value = 42;
}
