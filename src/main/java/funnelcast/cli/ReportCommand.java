package funnelcast.cli;

import funnelcast.engine.MonteCarloEngine;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.plan.Hires;
import funnelcast.plan.Plan;
import funnelcast.plan.Review;
import funnelcast.plan.Sensitivity;
import funnelcast.report.Report;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"The meeting's agenda as one HTML page and as Markdown.",
        "Forecast, plan, sensitivity and pipeline review with each stage's questions, as one "
            + "self-contained HTML page (report.html, charts inline) and as Markdown (report.md) beside "
            + "the PNG/SVG charts."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    ConfidenceOption confidence;

    @Mixin
    TrialOptions trials;

    @Mixin
    ScenarioInput input;

    @Mixin
    ExactOptions exactOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for report.html, report.md and the charts.")
    Path out;

    @Mixin
    ChartSize size;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the report's tables (forecast, plan, "
        + "sensitivity, review) as one Excel workbook (docs/spreadsheets.md).")
    Path xlsx;


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ResultOptions.checkWorkbook(xlsx);
        size.check();
        Funnel funnel = input.funnel();
        int steps = exactOptions.stepsPerDay(funnel.scenario().horizonDays());
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, trials.count, "trials");
        Forecast forecast = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(trials.count, trials.seed(),
            threads.count()).withProgress(bar));
        bar.finish();
        Plan plan = threads.run(() -> Plan.of(funnel, confidence.value(), steps));
        Sensitivity sensitivity = threads.run(() -> Sensitivity.exact(funnel, Math.min(100, steps)));
        Review review = threads.run(() -> Review.of(funnel, steps));
        Report report = new Report(funnel.scenario(), forecast, plan, sensitivity, review);
        ChartWriter charts = size.writer(out, err);
        for (Map.Entry<String, JFreeChart> c : report.charts().entrySet()) {
            charts.write(c.getKey(), c.getValue());
        }
        AtomicFiles.write(out.resolve("report.md"), report.markdown().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(out.resolve("report.html"), report.html().getBytes(StandardCharsets.UTF_8));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Wrote %s and %s, with %d charts (PNG and SVG) in %s%n", out.resolve("report.html"),
            out.resolve("report.md"), report.charts().size(), out);
        if (xlsx != null) {
            List<Hires> hires = threads.run(() -> Hires.of(funnel, plan.thisHorizon(), steps));
            Map<String, Object> tables = new LinkedHashMap<>();
            tables.put("forecast", ForecastJson.View.of(forecast));
            tables.put("plan", PlanOutput.json(plan, funnel.scenario(), hires));
            tables.put("sensitivity", SensitivityOutput.json(sensitivity));
            tables.put("review", ReviewOutput.json(review));
            ResultOptions.writeWorkbook(xlsx, "report", tables);
            o.printf(Locale.ROOT, "Wrote %s%n", xlsx);
        }
        o.flush();
        return 0;
    }
}
