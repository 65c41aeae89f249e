package funnelcast.cli;

import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file argument that every command takes. */
final class ScenarioInput {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change one value of the scenario for this run "
        + "(repeatable), e.g. inflow.perDay=6.5, stages.contact.exits.need=0.55 (the difference goes to lost), "
        + "target.wins=30. The file is not changed.")
    List<String> settings = new ArrayList<>();

    Scenario scenario() {
        return ScenarioSource.readFile(file, Setting.parseAll(settings));
    }

    Funnel funnel() {
        return Funnel.of(scenario());
    }
}
