package funnelcast.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.calibrate.Backtest;
import funnelcast.calibrate.History;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Were the forecasts right? A month-by-month backtest.",
        "Calibrate on what was known before each month, forecast it with parameter uncertainty, and",
        "compare with the wins that happened, beside the stage-weighted pipeline and last month's",
        "wins: coverage of the 50%% and 80%% intervals, PIT, CRPS."})
final class BacktestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HISTORY", description = "Event log CSV, or an opportunity table with --opportunities.")
    Path history;

    @Option(names = "--months", defaultValue = "0", description = "The last K complete months (default: every month after the first).")
    int months;

    @Option(names = "--window", defaultValue = "0", paramLabel = "DAYS",
        description = "Calibrate each month on visits that began in the last DAYS working days (default: all before it).")
    int window;

    @Option(names = "--trials", defaultValue = "10000", description = "Monte Carlo trials per month (default ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CalendarOptions calendar;

    @Mixin
    MonthOptions monthOptions;

    @Mixin
    OpportunityOptions opportunities;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write backtest.json and the charts (backtest, pit) into DIR.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        History h = opportunities.read(history);
        LocalDate first = h.first().toLocalDate();
        LocalDate last = h.last().toLocalDate();
        PrintWriter err = spec.commandLine().getErr();
        long total = Math.max(1, java.time.temporal.ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)));
        ProgressBar bar = new ProgressBar(err, months > 0 ? months : total, "months");
        Backtest.Result r = Backtest.run(h, new Backtest.Options(calendar.clock(first, last.plusMonths(2)), months, window,
            trials, seed, Runtime.getRuntime().availableProcessors(), bar::accept, monthOptions.options()));
        bar.finish();
        ObjectNode node = json(r, h);
        if (out != null) {
            Json.write(out.resolve("backtest.json"), node);
            ChartWriter charts = new ChartWriter(out, err);
            charts.write("backtest", funnelcast.chart.CalibrationCharts.backtest(r));
            charts.write("pit", funnelcast.chart.CalibrationCharts.pit(r));
            charts.write("calibration", funnelcast.chart.CalibrationCharts.calibration(r));
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.text(node));
        } else {
            print(o, r, h);
        }
        o.flush();
        return 0;
    }

    static ObjectNode json(Backtest.Result r, History h) {
        ObjectNode root = Json.object();
        root.put("source", r.source());
        root.put("trialsPerMonth", r.trials());
        ArrayNode notes = root.putArray("notes");
        h.notes().forEach(notes::add);
        ArrayNode months = root.putArray("months");
        for (Backtest.Month m : r.months()) {
            ObjectNode n = months.addObject();
            n.put("month", m.month().toString());
            n.put("actual", m.actual());
            n.put("openAtStart", m.openAtStart());
            n.put("effects", m.effects());
            n.set("model", score(m.model()));
            n.set("stageWeighted", score(m.weighted()));
            n.set("lastMonth", score(m.lastMonth()));
        }
        ArrayNode skipped = root.putArray("skipped");
        r.skipped().forEach(skipped::add);
        ArrayNode summary = root.putArray("summary");
        for (Backtest.Summary s : r.summaries()) {
            ObjectNode n = summary.addObject();
            n.put("method", s.method());
            n.put("months", s.months());
            n.put("coverage50", s.coverage50());
            n.put("coverage80", s.coverage80());
            n.put("in50", s.in50());
            n.put("in80", s.in80());
            n.putArray("chance50").add(s.chance50()[0]).add(s.chance50()[1]);
            n.putArray("chance80").add(s.chance80()[0]).add(s.chance80()[1]);
            n.put("meanCrps", s.meanCrps());
            n.put("meanAbsError", s.meanAbsError());
            n.put("meanWidth80", s.meanWidth80());
            ArrayNode pit = n.putArray("pitHistogram");
            for (double c : s.pitHistogram()) {
                pit.add(c);
            }
            ArrayNode coverage = n.putObject("coverageByLevel").putArray("observed");
            for (double c : s.coverage()) {
                coverage.add(c);
            }
        }
        return root;
    }

    private static ObjectNode score(Backtest.Score s) {
        ObjectNode n = Json.object();
        n.put("p10", s.p10()).put("p25", s.p25()).put("p50", s.p50()).put("p75", s.p75()).put("p90", s.p90());
        n.put("in50", s.in50()).put("in80", s.in80()).put("pit", s.pit()).put("pitBelow", s.below())
            .put("pitAtOrBelow", s.atOrBelow()).put("crps", s.crps()).put("absError", s.absError());
        return n;
    }

    private static void print(PrintWriter o, Backtest.Result r, History h) {
        o.printf("Backtest of %s: %d months, each forecast with parameter uncertainty (%,d trials)%n", r.source(),
            r.months().size(), r.trials());
        h.notes().forEach(n -> o.printf("note: %s%n", n));
        o.printf("%n%-8s %6s %5s  %-22s %5s %6s  %-16s %-16s%n", "month", "actual", "open", "model P10/P25/P50/P75/P90",
            "PIT", "CRPS", "weighted P50", "last month P50");
        for (Backtest.Month m : r.months()) {
            Backtest.Score s = m.model();
            o.printf("%-8s %6d %5d  %4d/%4d/%4d/%4d/%4d %5.2f %6.2f  %-16d %-16d%n", m.month(), m.actual(), m.openAtStart(),
                s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.pit(), s.crps(), m.weighted().p50(), m.lastMonth().p50());
        }
        for (String s : r.skipped()) {
            o.printf("skipped %s%n", s);
        }
        o.printf("%nMonth effects each forecast used (calibrated before its month; funnel calibrate says why):%n");
        for (Backtest.Month m : r.months()) {
            o.printf("  %-8s %s%n", m.month(), m.effects());
        }
        o.printf("%n%-24s %-17s %-17s %9s %10s %9s   non-randomised PIT histogram (10 bins, months)%n", "",
            "in 50% (chance)", "in 80% (chance)", "mean CRPS", "mean |err|", "80% width");
        for (Backtest.Summary s : r.summaries()) {
            StringBuilder pit = new StringBuilder();
            for (double c : s.pitHistogram()) {
                pit.append(String.format(java.util.Locale.ROOT, "%.1f ", c));
            }
            o.printf(java.util.Locale.ROOT, "%-24s %-17s %-17s %9.2f %10.2f %9.1f   %s%n", s.method(),
                String.format(java.util.Locale.ROOT, "%d/%d (%d-%d)", s.in50(), s.months(), s.chance50()[0], s.chance50()[1]),
                String.format(java.util.Locale.ROOT, "%d/%d (%d-%d)", s.in80(), s.months(), s.chance80()[0], s.chance80()[1]),
                s.meanCrps(), s.meanAbsError(), s.meanWidth80(), pit.toString().trim());
        }
        o.println();
        o.println("(chance): the counts a calibrated forecast lands in 19 times in 20 over that many months.");
    }
}
