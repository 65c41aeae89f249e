package funnelcast.engine;

import funnelcast.Parallelism;
import funnelcast.model.Scenario;
import funnelcast.rollup.Rollup;
import funnelcast.scenario.Org;
import funnelcast.scenario.ScenarioSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How long the exact roll-up of a company takes (issue 25's scale: 200 teams, locally in under a
 * minute): 200 teams of the telesales funnel (each its own inflow, 3 to 7 new deals a day) in 20
 * regions of 10, rolled up exactly on the threads given. Run {@code java -cp
 * benchmarks/target/benchmarks.jar funnelcast.engine.RollupScale [teams] [threads]} from the
 * repository root. A wall-clock figure of one run after one warm-up, not a JMH benchmark: it
 * measures a command's whole work, once.
 */
public final class RollupScale {
    private RollupScale() {
    }

    public static void main(String[] args) throws Exception {
        int teams = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Scenario base = ScenarioSource.readFile(Path.of("scenarios", "telesales.json"));
        List<Org> regions = new ArrayList<>();
        for (int r = 0; r < (teams + 9) / 10; r++) {
            List<Org> children = new ArrayList<>();
            for (int t = r * 10; t < Math.min(teams, r * 10 + 10); t++) {
                Scenario s = base.withInflow(3 + 4.0 * t / teams);
                children.add(new Org.Team("team " + t, Path.of("team-" + t + ".json"), new Scenario("team " + t, s.calendar(),
                    s.entry(), s.stages(), s.inflow(), s.pipeline(), s.target(), s.dealValue(), s.monthEffects())));
            }
            regions.add(new Org.Level("region " + r, OptionalInt.of(20 * children.size()), children));
        }
        Org.Level company = new Org.Level("company", OptionalInt.of(20 * teams), regions);
        Parallelism.with(Parallelism.of(threads), () -> Rollup.exact(company)); // warm-up
        long t0 = System.nanoTime();
        Rollup r = Parallelism.with(Parallelism.of(threads), () -> Rollup.exact(company));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d teams in %d regions, exact, %d threads: %.1f s (company mean %.1f, P(hit) %.3f)%n",
            teams, regions.size(), threads, seconds, r.root().mean(), r.root().pHitTarget().orElse(Double.NaN));
    }
}
