package funnelcast.cli;

import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.scenario.ScenarioReader;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The scenario file argument that every command takes. */
final class ScenarioInput {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    Scenario scenario() {
        return ScenarioReader.read(file);
    }

    Funnel funnel() {
        return Funnel.of(scenario());
    }
}
