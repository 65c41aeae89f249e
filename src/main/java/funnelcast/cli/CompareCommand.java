package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.chart.CompareCharts;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.plan.RequiredInflow;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Forecasts several scenarios side by side, with the differences against the first.",
        "A scenario may be a what-if of a file: 'FILE?set=PATH=VALUE&set=...' is FILE with those --set changes, "
            + "e.g. compare scenarios/telesales.json 'scenarios/telesales.json?set=inflow.perDay=6.5'; "
            + "'FILE?name=NAME&set=...' also names the column (docs/what-if.md).",
        "Monte Carlo runs every scenario on the same seed: common random numbers, so the differences are "
            + "sharper than either forecast alone."})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    MethodOptions methods;

    @Mixin
    ConfidenceOption confidence;

    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Scenario files, or FILE?name=NAME&set=PATH=VALUE&set=...")
    List<String> scenarios;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change a value in every scenario (repeatable).")
    List<String> settings = new ArrayList<>();




    @Mixin
    TrialOptions trials;

    @Mixin
    ResultOptions output;

    @Mixin
    ExactOptions exactOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        output.check();
        double confidence = this.confidence.value();
        List<CompareOutput.Asked> asked = new ArrayList<>();
        for (String s : scenarios) {
            asked.add(read(s));
        }
        List<String> names = CompareOutput.names(asked);
        List<CompareOutput.Column> cases = new ArrayList<>();
        int k = threads.count();
        for (int i = 0; i < asked.size(); i++) {
            Funnel funnel = asked.get(i).funnel();
            Forecast forecast;
            if (methods.exact()) {
                forecast = Parallelism.with(threads.parallelism(), () -> ExactMethod.forecast(funnel,
                    exactOptions.stepsPerDay(funnel.scenario().horizonDays())));
            } else {
                ProgressBar bar = new ProgressBar(stderr, trials.count, "trials of " + names.get(i));
                forecast = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(trials.count, trials.seed(), k).withProgress(bar));
                bar.finish();
            }
            int steps = exactOptions.stepsPerDay(funnel.scenario().horizonDays());
            cases.add(new CompareOutput.Column(names.get(i), asked.get(i), forecast,
                RequiredInflow.forTarget(funnel, confidence, steps)));
        }
        Comparison root = new Comparison(cases.stream().map(c -> new Compared(c.name(), ForecastJson.View.of(c.forecast()),
            c.asked().spec(), c.inflowNeeded())).toList());
        List<Forecast> forecasts = cases.stream().map(CompareOutput.Column::forecast).toList();
        output.emit(stdout, stderr, "compare", root, List.of(new ResultOptions.Chart("compare-wins",
            () -> CompareCharts.wins(names, forecasts)), new ResultOptions.Chart("compare-fan", () -> CompareCharts.fans(names, forecasts))),
            o -> CompareOutput.print(o, cases, confidence));
        return 0;
    }

    /** FILE, or FILE?name=NAME&set=PATH=VALUE&set=..., with the command's own --set applied first. */
    private CompareOutput.Asked read(String spec) {
        String file = spec;
        List<Setting> all = new ArrayList<>(Setting.parseAll(settings));
        List<Setting> own = new ArrayList<>();
        String name = null;
        int q = spec.indexOf('?');
        if (q > 0 && !Files.exists(Path.of(spec))) {
            file = spec.substring(0, q);
            for (String part : spec.substring(q + 1).split("&")) {
                if (part.startsWith("name=") && part.length() > 5) {
                    name = part.substring(5);
                } else if (part.startsWith("set=")) {
                    own.add(Setting.parse(part.substring(4)));
                } else {
                    throw new InputException(spec + ": expected FILE?name=NAME&set=PATH=VALUE&set=..., got '" + part + "'");
                }
            }
        }
        all.addAll(own);
        return new CompareOutput.Asked(spec, file, own, name, Funnel.of(ScenarioSource.readFile(Path.of(file), all)));
    }



    /** What --json prints: each scenario's name, forecast, file (the argument as given) and the inflow it needs. */
    record Comparison(List<Compared> scenarios) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Compared(String name, @JsonUnwrapped ForecastJson.View forecast, String file, OptionalDouble inflowPerDayNeeded) {
    }
}
