package funnelcast.cli;

import funnelcast.chart.PlanCharts;
import funnelcast.model.Funnel;
import funnelcast.plan.Hires;
import funnelcast.plan.Plan;
import funnelcast.plan.RequiredInflow;
import funnelcast.plan.Sensitivity;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"What the target takes, every day.",
        "The standing daily numbers per stage (steady state), and the smallest daily inflow that "
            + "reaches the target this period with the chosen confidence."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    ConfidenceOption confidence;


    @Mixin
    ResultOptions output;

    @Mixin
    ScenarioInput input;

    @Mixin
    ExactOptions exactOptions;


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        output.check();
        Funnel funnel = input.funnel();
        int steps = exactOptions.stepsPerDay(funnel.scenario().horizonDays());
        Plan plan = threads.run(() -> Plan.of(funnel, confidence.value(), steps));
        List<Hires> hires = threads.run(() -> Hires.of(funnel, plan.thisHorizon(), steps));
        PrintWriter stdout = spec.commandLine().getOut();
        output.emit(stdout, spec.commandLine().getErr(), "plan", PlanOutput.json(plan, funnel.scenario(), hires),
            List.of(new ResultOptions.Chart("funnel", () -> PlanCharts.funnel(funnel.scenario(), plan.steadyState())),
                new ResultOptions.Chart("inflow-curve", () -> PlanCharts.inflowCurve(plan, funnel.scenario().inflow().perDay()))),
            o -> PlanOutput.print(o, funnel, plan, bottleneck(funnel, plan), hires));
        return 0;
    }

    /** Where the inflow needed is at least {@link #SEVERAL} times today's, the stage where conversion or speed is worth most. */
    private String bottleneck(Funnel funnel, Plan plan) {
        RequiredInflow now = plan.thisHorizon();
        double today = funnel.scenario().inflow().perDay();
        if (!now.reachable() || !(today > 0) || now.inflowPerDay() < SEVERAL * today) {
            return null;
        }
        int steps = Math.min(SENSITIVITY_STEPS, exactOptions.stepsPerDay(funnel.scenario().horizonDays()));
        return Sensitivity.exact(funnel, steps).bottleneck();
    }

    /** "Several times today's inflow": from twice on, the plan names the bottleneck. */
    static final double SEVERAL = 2;
    private static final int SENSITIVITY_STEPS = 100;
}
