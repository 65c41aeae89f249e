package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.backtest.Backtest;
import funnelcast.history.History;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How the command prints the backtest: its table and its JSON. */
final class BacktestOutput {
    private BacktestOutput() {
    }


    static View json(Backtest.Result r, History h) {
        return new View(r.source(), r.trials(), h.notes(), r.months().stream().map(m -> new Month(m.month(), m.actual(),
            m.openAtStart(), m.effects(), Score.of(m.model()), Score.of(m.weighted()), Score.of(m.lastMonth()))).toList(),
            r.skipped(), r.summaries().stream().map(Summary::of).toList());
    }

    /** The backtest as --json prints it. */
    record View(String source, long trialsPerMonth, List<String> notes, List<Month> months, List<String> skipped,
                List<Summary> summary) {
    }

    record Month(YearMonth month, int actual, int openAtStart, String effects, Score model, Score stageWeighted,
                 Score lastMonth) {
    }

    record Score(int p10, int p25, int p50, int p75, int p90, boolean in50, boolean in80, double pit, double pitBelow,
                 double pitAtOrBelow, double crps, double absError) {
        static Score of(Backtest.Score s) {
            return new Score(s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.in50(), s.in80(), s.pit(), s.below(), s.atOrBelow(),
                s.crps(), s.absError());
        }
    }

    record Summary(String method, int months, double coverage50, double coverage80, int in50, int in80, int[] chance50,
                   int[] chance80, double meanCrps, double meanAbsError, double meanWidth80, double[] pitHistogram,
                   Levels coverageByLevel) {
        static Summary of(Backtest.Summary s) {
            return new Summary(s.method(), s.months(), s.coverage50(), s.coverage80(), s.in50(), s.in80(),
                Arrays.copyOf(s.chance50(), 2), Arrays.copyOf(s.chance80(), 2), s.meanCrps(), s.meanAbsError(), s.meanWidth80(),
                s.pitHistogram(), new Levels(s.coverage()));
        }
    }

    /** The share of months inside each central interval of Backtest.levels(). */
    record Levels(double[] observed) {
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
        o.printf(Locale.ROOT, "(%s)%n", Backtest.RULE);
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
    /**
     * A rep's own backtest: its summaries (the model's first, then the baselines'), or why it could
     * not be run. {@code outside}: the model's 80% intervals held a count of months outside the
     * central 95% of Binomial(months, 0.8), the chance range of a calibrated forecast.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RepScore(String rep, Integer months, List<Summary> summary, Boolean outside, Double crpsAgainstBest, String error) {
        static RepScore of(String rep, Backtest.Result r) {
            List<Summary> s = r.summaries().stream().map(Summary::of).toList();
            Summary model = s.get(0);
            double best = s.stream().skip(1).mapToDouble(Summary::meanCrps).min().orElse(Double.NaN);
            return new RepScore(rep, model.months(), s, model.in80() < model.chance80()[0] || model.in80() > model.chance80()[1],
                model.meanCrps() / best, null);
        }

        static RepScore failed(String rep, String why) {
            return new RepScore(rep, null, null, null, null, why);
        }
    }

    /**
     * Every rep's backtest, and the least reliable: those whose 80% intervals held outside the
     * chance range, or else whose CRPS is worst against the best baseline's.
     */
    record ByRep(List<RepScore> reps, List<String> leastReliable, String rule) {
        static final String RULE = "the reps whose model's 80% intervals held a count of months outside the "
            + "central 95% of Binomial(months, 0.8); where none did, the rep whose CRPS is the largest against the best "
            + "baseline's";

        static ByRep of(List<RepScore> reps) {
            List<String> outside = reps.stream().filter(r -> Boolean.TRUE.equals(r.outside())).map(RepScore::rep).toList();
            List<String> least = !outside.isEmpty() ? outside : reps.stream().filter(r -> r.error() == null)
                .max(Comparator.comparingDouble(RepScore::crpsAgainstBest)).map(r -> List.of(r.rep())).orElse(List.of());
            return new ByRep(reps, least, RULE);
        }
    }

    static void printByRep(PrintWriter o, ByRep b) {
        o.printf(Locale.ROOT, "Backtest by rep: each rep's own monthly forecasts against what the rep won%n%n");
        int width = Math.max(6, b.reps().stream().mapToInt(r -> r.rep().length()).max().orElse(0));
        o.printf(Locale.ROOT, "  %-" + width + "s %6s %14s %12s %10s %16s%n", "rep", "months", "80% held", "(chance)", "CRPS",
            "vs best baseline");
        for (RepScore r : b.reps()) {
            if (r.error() != null) {
                o.printf(Locale.ROOT, "  %-" + width + "s  not backtested: %s%n", r.rep(), r.error());
                continue;
            }
            Summary m = r.summary().get(0);
            o.printf(Locale.ROOT, "  %-" + width + "s %6d %14s %12s %10.3f %15.2fx%s%n", r.rep(), m.months(),
                m.in80() + " of " + m.months(), "(" + m.chance80()[0] + "-" + m.chance80()[1] + ")", m.meanCrps(),
                r.crpsAgainstBest(), r.outside() ? "  OUTSIDE" : "");
        }
        o.printf(Locale.ROOT, "%nLeast reliable: %s (by the rule: %s).%n", b.leastReliable().isEmpty() ? "none"
            : String.join(", ", b.leastReliable()), b.rule());
    }
}
