package funnelcast;

import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.scenario.ScenarioReader;
import funnelcast.scenario.ScenarioSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The scenarios the tests share: the shipped ones and those under src/test/resources/scenarios. */
public final class TestScenarios {
    public static final List<String> SHIPPED = List.of(
        "scenarios/telesales.json", "scenarios/midmonth-team.json", "scenarios/fallbacks-reneging.yaml");
    public static final List<String> TEST = List.of(
        "src/test/resources/scenarios/loops-exponential.json",
        "src/test/resources/scenarios/every-distribution.yaml",
        "src/test/resources/scenarios/exit-dwell-aged.json",
        "src/test/resources/scenarios/instant-steps.json",
        "src/test/resources/scenarios/month-effects-aged.json",
        "src/test/resources/scenarios/month-effects-loops.json",
        "src/test/resources/scenarios/stalled-aged.json",
        "src/test/resources/scenarios/push-aged.json");

    private TestScenarios() {
    }

    public static Scenario scenario(String path) {
        return ScenarioSource.readFile(Path.of(path));
    }

    public static Funnel funnel(String path) {
        return Funnel.of(scenario(path));
    }

    /** A hand-built funnel over 2026-03-02..13 (ten working days, T = 10) entering at {@code entry}. */
    public static Funnel tenDays(String entry, String stages, String rest) {
        return funnelOf(String.format(Locale.ROOT, """
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "%s",
              "stages": [ %s ] %s }""", entry, stages, rest));
    }

    /** A scenario from JSON text, for hand-built cases. */
    public static Funnel funnelOf(String json) {
        return Funnel.of(ScenarioReader.parse(json, "test.json", false));
    }
}
