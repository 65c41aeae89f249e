package funnelcast.cli;

import funnelcast.chart.RollupCharts;
import funnelcast.rollup.Rollup;
import funnelcast.rollup.RollupEngine;
import funnelcast.scenario.Org;
import funnelcast.scenario.OrgReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollup", mixinStandardHelpOptions = true,
    description = {"Rolls forecasts up an organisation, from rep to team to company.",
        "ORG is a YAML or JSON tree: a level has a name, an optional target ({\"wins\": N}) and children, "
            + "each a level or the path of a scenario file (or a folder of them, as calibrate --by writes). Each "
            + "level's wins are the convolution of its children's (independent teams), with P(hit) of its target and "
            + "each child's share of the expected wins and of the variance (docs/rollup.md)."})
final class RollupCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    MethodOptions methods;

    @Parameters(index = "0", paramLabel = "ORG", description = "The organisation file (.yaml, .yml or .json).")
    Path org;

    @Mixin
    TrialOptions trials;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark", description = "Where the teams are "
        + "forecast: here (local, the default), or as an Apache Spark job (spark, with the same numbers; docs/rollup.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. 'local[2]' "
        + "or spark://host:7077; without it, the one spark-submit gives.")
    String master;

    @Mixin
    ResultOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.check();
        Org.Level tree = OrgReader.read(org);
        RollupEngine runner = engine(engine, master);
        Rollup r = methods.exact() ? threads.run(() -> Rollup.exact(tree, runner, master))
            : Rollup.monteCarlo(tree, trials.count, trials.seed(), threads.count(), runner, master);
        output.emit(spec.commandLine().getOut(), spec.commandLine().getErr(), "rollup", RollupOutput.json(r),
            List.of(new ResultOptions.Chart("rollup", () -> RollupCharts.tree(r))),
            o -> RollupOutput.print(o, r));
        return 0;
    }

    /** The engine --engine names (docs/sweep.md). */
    static RollupEngine engine(String name, String master) {
        return Engines.choose(RollupEngine.class, RollupEngine.LOCAL, RollupEngine::name, name, master);
    }
}
