package funnelcast.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the result as JSON on standard output instead of the table. */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON instead of the table.")
    boolean on;
}
