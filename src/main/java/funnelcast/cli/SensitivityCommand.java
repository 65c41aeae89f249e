package funnelcast.cli;

import funnelcast.InputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.model.Funnel;
import funnelcast.plan.Sensitivity;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = {"Which stage matters most: the bottleneck.",
        "Expected wins and P(hit target) when each stage's advance probability moves 5 points either",
        "way and its dwell is scaled by 0.8 and 1.2, largest first."})
final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    ScenarioInput input;

    @Mixin
    ExactOptions exactOptions;

    @Option(names = "--method", defaultValue = "exact", description = "exact (default) or monte-carlo "
        + "(common random numbers: every case runs on the same seed).")
    String method;

    @Option(names = "--trials", defaultValue = "100000", description = "Monte Carlo trials per case (default ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--seed", defaultValue = "42", description = "Monte Carlo seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write sensitivity.json and the tornado chart into DIR.")
    java.nio.file.Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        Funnel funnel = input.funnel();
        Sensitivity result = switch (method) {
            case "exact" -> Sensitivity.exact(funnel,
                Math.min(100, exactOptions.stepsPerDay(funnel.scenario().horizonDays())));
            case "monte-carlo" -> Sensitivity.monteCarlo(funnel, trials, seed,
                Runtime.getRuntime().availableProcessors());
            default -> throw new InputException("--method must be exact or monte-carlo, got '" + method + "'");
        };
        ObjectNode node = json(result);
        if (out != null) {
            Json.write(out.resolve("sensitivity.json"), node);
            new ChartWriter(out, spec.commandLine().getErr()).write("tornado",
                funnelcast.chart.PlanCharts.tornado(funnel.scenario(), result));
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.text(node));
        } else {
            print(o, result);
        }
        o.flush();
        return 0;
    }

    static ObjectNode json(Sensitivity s) {
        ObjectNode root = Json.object();
        root.put("scenario", s.scenario());
        root.put("method", s.method());
        root.put("baseWins", s.baseWins());
        s.basePHit().ifPresent(p -> root.put("basePHit", p));
        root.put("bottleneck", s.bottleneck());
        ArrayNode stages = root.putArray("stages");
        for (Sensitivity.StageEffect e : s.stages()) {
            ObjectNode n = stages.addObject();
            n.put("stage", e.stage());
            n.put("advanceTo", e.advanceTo());
            ObjectNode wins = n.putObject("deltaWins");
            wins.put("advancePlus5", e.winsUp());
            wins.put("advanceMinus5", e.winsDown());
            wins.put("dwellTimes0.8", e.winsFaster());
            wins.put("dwellTimes1.2", e.winsSlower());
            if (s.basePHit().isPresent()) {
                ObjectNode p = n.putObject("deltaPHit");
                p.put("advancePlus5", e.pHitUp());
                p.put("advanceMinus5", e.pHitDown());
                p.put("dwellTimes0.8", e.pHitFaster());
                p.put("dwellTimes1.2", e.pHitSlower());
            }
            n.put("winsPerPoint", e.winsPerPoint());
            n.put("winsPerDayFaster", e.winsPerDayFaster());
        }
        return root;
    }

    private static void print(PrintWriter out, Sensitivity s) {
        boolean hit = s.basePHit().isPresent();
        out.printf("%s: sensitivity by stage%nMethod: %s%nBase: %.2f expected wins%s%n%n", s.scenario(), s.method(),
            s.baseWins(), hit ? String.format(", P(hit target) %.1f%%", 100 * s.basePHit().getAsDouble()) : "");
        out.printf("Change in %s, largest first:%n", hit ? "P(hit target), in points" : "expected wins");
        out.printf("  %-10s %-10s %8s %8s %10s %10s %11s %13s%n", "stage", "advance", "+5 pts", "-5 pts",
            "dwell x0.8", "dwell x1.2", "wins/point", "wins/day less");
        for (Sensitivity.StageEffect e : s.stages()) {
            double k = hit ? 100 : 1;
            out.printf("  %-10s %-10s %+8.2f %+8.2f %+10.2f %+10.2f %+11.3f %+13.3f%n", e.stage(), e.advanceTo(),
                k * (hit ? e.pHitUp() : e.winsUp()), k * (hit ? e.pHitDown() : e.winsDown()),
                k * (hit ? e.pHitFaster() : e.winsFaster()), k * (hit ? e.pHitSlower() : e.winsSlower()),
                e.winsPerPoint(), e.winsPerDayFaster());
        }
        Sensitivity.StageEffect top = s.stages().get(0);
        out.printf("%nBottleneck: %s. A point of conversion there is worth %+.3f expected wins, a day less dwell %+.3f.%n",
            top.stage(), top.winsPerPoint(), top.winsPerDayFaster());
    }
}
