package funnelcast.plan;

import funnelcast.InputException;
import funnelcast.exact.ExactMethod;
import funnelcast.exact.HorizonWins;
import funnelcast.model.Funnel;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the target takes: the team's standing daily numbers (steady state), the horizon's
 * required inflow at a confidence, the inflow/confidence curve, and, where no inflow can reach
 * the target, the pipeline deals that carry it and the largest target they reach.
 */
public record Plan(String scenario, String entry, double pWinFromEntry, int target, int alreadyWon,
                   SteadyState steadyState, RequiredInflow thisHorizon, List<RequiredInflow> curve,
                   List<PipelineChance> pipelineChances, int reachableTarget, String solver) {

    /** Confidences of the curve, 50% to 99%. */
    private static final double[] CURVE = {0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.99};

    /** A pipeline entry and its chance to win in this horizon. */
    public record PipelineChance(String deal, String stage, int count, double pWinInHorizon) {
    }

    public Plan {
        curve = List.copyOf(curve);
        pipelineChances = List.copyOf(pipelineChances);
    }

    public static Plan of(Funnel funnel, double confidence, int stepsPerDay) {
        target(funnel.scenario()); // refused before the solve
        return of(funnel, confidence, ExactMethod.horizonWins(funnel, stepsPerDay));
    }

    private static int target(Scenario scenario) {
        return scenario.target().wins().orElseThrow(() -> new InputException(
            "plan needs target.wins in the scenario: the number of wins to plan for"));
    }

    /** The same from the horizon's pieces already solved ({@link ExactMethod#figuresAndHorizon}). */
    public static Plan of(Funnel funnel, double confidence, HorizonWins horizonWins) {
        Scenario scenario = funnel.scenario();
        int target = target(scenario);
        int already = scenario.target().alreadyWon();
        SteadyState steady = SteadyState.forWins(funnel, target);
        int needed = target - already;
        RequiredInflow now = RequiredInflow.solve(horizonWins, needed, confidence, scenario.inflow());
        List<RequiredInflow> curve = new ArrayList<>();
        for (double c : CURVE) {
            curve.add(RequiredInflow.solve(horizonWins, needed, c, scenario.inflow()));
        }
        List<PipelineChance> pipelineChances = new ArrayList<>();
        List<PipelineDeal> pipeline = scenario.pipeline();
        for (int g = 0; g < pipeline.size(); g++) {
            PipelineDeal d = pipeline.get(g);
            pipelineChances.add(new PipelineChance(d.id() != null ? d.id() : d.count() + " at age " + d.age(), d.stage(),
                d.count(), horizonWins.dealWins().get(g).mid()));
        }
        pipelineChances.sort(Comparator.comparingDouble(PipelineChance::pWinInHorizon).reversed());
        return new Plan(scenario.name(), scenario.entry(), steady.pWinFromEntry(), target, already, steady, now,
            curve, pipelineChances, already + quantileFromTop(horizonWins.pipelinePmf(), confidence), horizonWins.solver());
    }

    /** The largest k with P(pipeline wins >= k) >= c. */
    private static int quantileFromTop(double[] pmf, double c) {
        double tail = 0;
        for (int k = pmf.length - 1; k >= 0; k--) {
            tail += pmf[k];
            if (tail >= c) {
                return k;
            }
        }
        return 0;
    }
}
