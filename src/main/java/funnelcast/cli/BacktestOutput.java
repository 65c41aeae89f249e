package funnelcast.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.backtest.Backtest;
import funnelcast.history.History;
import java.io.PrintWriter;
import java.util.Locale;

/** How the command prints the backtest: its table and its JSON. */
final class BacktestOutput {
    private BacktestOutput() {
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

    static void print(PrintWriter o, Backtest.Result r, History h) {
        o.printf(Locale.ROOT, "Backtest of %s: %d months, each forecast with parameter uncertainty (%,d trials)%n", r.source(),
            r.months().size(), r.trials());
        h.notes().forEach(n -> o.printf(Locale.ROOT, "note: %s%n", n));
        o.printf(Locale.ROOT, "%n%-8s %6s %5s  %-22s %5s %6s  %-16s %-16s%n", "month", "actual", "open", "model P10/P25/P50/P75/P90",
            "PIT", "CRPS", "weighted P50", "last month P50");
        for (Backtest.Month m : r.months()) {
            Backtest.Score s = m.model();
            o.printf(Locale.ROOT, "%-8s %6d %5d  %4d/%4d/%4d/%4d/%4d %5.2f %6.2f  %-16d %-16d%n", m.month(), m.actual(), m.openAtStart(),
                s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.pit(), s.crps(), m.weighted().p50(), m.lastMonth().p50());
        }
        for (String s : r.skipped()) {
            o.printf(Locale.ROOT, "skipped %s%n", s);
        }
        o.printf(Locale.ROOT, "%nMonth effects each forecast used (calibrated before its month; funnel calibrate says why):%n");
        for (Backtest.Month m : r.months()) {
            o.printf(Locale.ROOT, "  %-8s %s%n", m.month(), m.effects());
        }
        o.printf(Locale.ROOT, "%n%-24s %-17s %-17s %9s %10s %9s   non-randomised PIT histogram (10 bins, months)%n", "",
            "in 50% (chance)", "in 80% (chance)", "mean CRPS", "mean |err|", "80% width");
        for (Backtest.Summary s : r.summaries()) {
            StringBuilder pit = new StringBuilder();
            for (double c : s.pitHistogram()) {
                pit.append(String.format(Locale.ROOT, "%.1f ", c));
            }
            o.printf(Locale.ROOT, "%-24s %-17s %-17s %9.2f %10.2f %9.1f   %s%n", s.method(),
                String.format(Locale.ROOT, "%d/%d (%d-%d)", s.in50(), s.months(), s.chance50()[0], s.chance50()[1]),
                String.format(Locale.ROOT, "%d/%d (%d-%d)", s.in80(), s.months(), s.chance80()[0], s.chance80()[1]),
                s.meanCrps(), s.meanAbsError(), s.meanWidth80(), pit.toString().trim());
        }
        o.println();
        o.println("(chance): the counts a calibrated forecast lands in 19 times in 20 over that many months.");
    }
}
