package funnelcast.engine;

import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped scenarios, found from the repository root or from benchmarks/. */
final class Scenarios {
    private Scenarios() {
    }

    static Funnel load(String name) {
        for (String prefix : new String[] {"scenarios/", "../scenarios/"}) {
            Path p = Path.of(prefix + name);
            if (Files.exists(p)) {
                return Funnel.of(ScenarioSource.readFile(p));
            }
        }
        throw new IllegalStateException("run from the repository root or benchmarks/: scenarios/" + name + " not found");
    }
}
