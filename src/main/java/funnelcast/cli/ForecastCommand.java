package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.chart.ForecastCharts;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = {"Forecasts this period's wins, P(hit target), revenue and the daily fan.",
        "The same seed and trials give the same numbers whatever --threads."})
final class ForecastCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    MethodOptions methods;

    @Mixin
    TrialOptions trials;

    @Mixin
    ResultOptions output;


    @Mixin
    ScenarioInput input;



    @Mixin
    ExactOptions exactOptions;

    @Option(names = "--uncertainty", description = "Draw exit probabilities (from exitCounts) and the inflow rate (from "
        + "inflow.observed) from their posteriors in each trial (docs/model.md, parameter uncertainty). Monte Carlo only.")
    boolean uncertainty;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        output.check();
        Funnel funnel = input.funnel();
        long started = System.nanoTime();
        Forecast forecast;
        if (methods.exact() && uncertainty) {
            throw new InputException("--uncertainty needs --method monte-carlo: the exact method solves the model "
                + "at fixed parameters");
        }
        if (methods.exact()) {
            forecast = Parallelism.with(threads.parallelism(), () -> ExactMethod.forecast(funnel,
                exactOptions.stepsPerDay(funnel.scenario().horizonDays())));
        } else {
            int k = threads.count();
            ProgressBar bar = new ProgressBar(stderr, trials.count, "trials");
            forecast = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(trials.count, trials.seed(), k).withProgress(bar)
                .withUncertainty(uncertainty));
            bar.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        output.emit(stdout, stderr, "forecast", ForecastJson.View.of(forecast),
            List.of(new ResultOptions.Chart("wins", () -> ForecastCharts.wins(forecast)),
                new ResultOptions.Chart("fan", () -> ForecastCharts.fan(forecast))),
            o -> ForecastTable.print(o, funnel.scenario(), forecast, seconds));
        return 0;
    }
}
