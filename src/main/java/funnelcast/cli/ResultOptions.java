package funnelcast.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --out DIR}: how a command gives its result besides the table it prints. */
final class ResultOptions {
    @Mixin
    JsonOption json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the result as JSON and its charts "
        + "(PNG and SVG) into DIR.")
    Path out;

    boolean json() {
        return json.on;
    }
}
