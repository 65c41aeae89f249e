package funnelcast.cli;

import funnelcast.exact.ExactMethod;
import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import funnelcast.plan.SteadyState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How explain prints: the funnel's maths worked through for a class. */
final class ExplainOutput {
    private ExplainOutput() {
    }

    static void print(PrintWriter out, Funnel funnel) {
        Scenario s = funnel.scenario();
        Absorption chain = Absorption.of(funnel);
        int horizon = s.horizonDays();
        out.printf(Locale.ROOT, "%s%n%n", s.name());
        out.printf(Locale.ROOT, "1. Where deals go. Each stage sends a deal to one exit, with these probabilities:%n%n");
        for (int i = 0; i < funnel.stageCount(); i++) {
            Stage st = funnel.stage(i);
            List<String> exits = new ArrayList<>();
            for (Exit e : st.exits()) {
                exits.add(String.format(Locale.ROOT, "%s %.3g", e.to(), e.probability()));
            }
            if (st.stalled() > 0) {
                exits.add(String.format(Locale.ROOT, "(of the %.3g that move on; %.3g stall)", 1 - st.stalled(),
                    st.stalled()));
            }
            // The label goes last: CJK characters are double width and would break the columns.
            out.printf(Locale.ROOT, "   %-10s -> %-44s %s%n", st.id(), String.join(", ", exits),
                st.label().equals(st.id()) ? "" : "(" + st.label() + ")");
        }
        out.printf(Locale.ROOT, "%n2. Eventual win probability h(s): the chance that a deal now at s is ever won.%n");
        out.printf(Locale.ROOT, "   h(won) = 1, h(lost) = 0, and for every stage h(s) = sum over exits of p(s,d) * h(d).%n");
        out.printf(Locale.ROOT, "   Solving these %d equations together (loops and fall-backs included):%n%n",
            funnel.stageCount());
        for (int i = 0; i < funnel.stageCount(); i++) {
            Stage st = funnel.stage(i);
            StringBuilder terms = new StringBuilder();
            for (Exit e : st.exits()) {
                double hd = chain.winProbability(funnel.index(e.to()));
                double p = e.probability() * (1 - st.stalled()); // a stalled visit never wins
                if (p > 0 && hd > 0) {
                    terms.append(terms.length() == 0 ? "" : " + ")
                        .append(String.format(Locale.ROOT, "%.3g x %.3g", p, hd));
                }
            }
            out.printf(Locale.ROOT, "   h(%s) = %s = %.3f%n", st.id(), terms.length() == 0 ? "0" : terms,
                chain.winProbability(i));
        }
        int entry = funnel.entry();
        double hEntry = chain.winProbability(entry);
        out.printf(Locale.ROOT, "%n   So one new deal at '%s' is worth %.3f of a win: %.2f new deals make one win.%n",
            s.entry(), hEntry, hEntry > 0 ? 1 / hEntry : Double.POSITIVE_INFINITY);
        labels(out, funnel, chain);
        thisHorizon(out, funnel, chain);

        SteadyState steady = s.target().wins().isPresent()
            ? SteadyState.forWins(funnel, s.target().wins().getAsInt())
            : SteadyState.forInflow(funnel, s.inflow().perDay());
        int month = s.monthDays();
        out.printf(Locale.ROOT, "%n3. The daily numbers in steady state (Little's law: held = arrivals a day x mean dwell), for a "
            + "month's task%s.%n", month == horizon ? "" : " over the " + month + " working days of the month that holds the horizon");
        if (s.target().wins().isPresent()) {
            out.printf(Locale.ROOT, "   To win %d deals a month (%d working days): %d / (%d x %.3f) = %.2f new deals a day",
                s.target().wins().getAsInt(), month, s.target().wins().getAsInt(), month, hEntry,
                steady.inflowPerDay());
        } else {
            out.printf(Locale.ROOT, "   At the scenario's inflow of %.2f new deals a day (no target given)", steady.inflowPerDay());
        }
        if (s.inflow().perRep()) {
            out.printf(Locale.ROOT, ", %.2f per rep (%.3g reps)", steady.perRepPerDay(), s.inflow().reps());
        }
        out.printf(Locale.ROOT, ".%n   A deal entering at '%s' visits each stage this often on average (loops count again):%n%n",
            s.entry());
        out.printf(Locale.ROOT, "   %-10s %7s %8s %12s %11s %10s %10s%n", "stage", "h(s)", "visits", "arrivals/day",
            "mean dwell", "hold", "pipeline");
        for (SteadyState.StageFlow f : steady.stages()) {
            int held = 0;
            for (var deal : s.pipeline()) {
                if (deal.stage().equals(f.id())) {
                    held += deal.count();
                }
            }
            out.printf(Locale.ROOT, "   %-10s %7.3f %8.3f %12.2f %11.2f %10.1f %10d%n", f.id(), f.pWin(), f.expectedVisits(),
                f.arrivalsPerDay(), f.meanDwell(), f.inventory(), held);
        }
        out.printf(Locale.ROOT, "%n   The columns, as plan prints them too:%n"
            + "   h(s)          the chance that a deal now at the stage is ever won (section 2);%n"
            + "   visits        how often a new deal passes through the stage on average, loops counted again;%n"
            + "   arrivals/day  deals entering the stage each day: new deals a day x visits;%n"
            + "   mean dwell    working days a visit lasts on average;%n"
            + "   hold          the stock a team at that rate carries there: arrivals/day x mean dwell (Little's law);%n"
            + "   pipeline      what the scenario holds there now. A stage far below its 'hold' is thin.%n");
        out.printf(Locale.ROOT, "%n   Check: %.2f new a day x %d days x %.3f = %.1f wins a month.%n", steady.inflowPerDay(),
            month, hEntry, steady.inflowPerDay() * month * hEntry);
        if (s.inflow().perDay() > 0) {
            out.printf(Locale.ROOT, "   The scenario's own inflow, %.2f new deals a day, makes %.1f wins a month in steady state.%n",
                s.inflow().perDay(), s.inflow().perDay() * month * hEntry);
        }
        out.printf(Locale.ROOT, "%n   In-period wins are fewer than steady state when the pipeline is thin or young:%n"
            + "   run 'funnel forecast' for this period's distribution of wins.%n");
    }


    /** Flags a stage whose label names a chance ("60%") that its exits do not give. */
    private static void labels(PrintWriter out, Funnel funnel, Absorption chain) {
        // "+80%" reads as at least 80%, "-80%" as at most (the milestones either side of 80%)
        Pattern percent = Pattern.compile("([+\\-\u2212]?)(\\d{1,3})\\s*%");
        for (int i = 0; i < funnel.stageCount(); i++) {
            Stage st = funnel.stage(i);
            Matcher m = percent.matcher(st.label());
            if (m.find()) {
                double said = Integer.parseInt(m.group(2)) / 100.0;
                double h = chain.winProbability(i);
                boolean off = m.group(1).equals("+") ? h < said - LABEL_SLACK
                    : m.group(1).isEmpty() ? Math.abs(said - h) > LABEL_SLACK : h > said + LABEL_SLACK;
                if (off) {
                    out.printf(Locale.ROOT, "   Note: '%s' is labelled %s, but its exits give h = %.3f: the label or the exits need a "
                        + "look.%n", st.id(), m.group(), h);
                }
            }
        }
    }

    /** How far a label's percentage may lie from h(s) before explain flags it: 5 points. */
    static final double LABEL_SLACK = 0.05;

    /**
     * This horizon by milestone: a deal entering each stage today, and its chance of being won
     * before the horizon ends, beside its eventual chance. Late stages are worth more than their
     * labels say this month, because they also close sooner.
     */
    private static void thisHorizon(PrintWriter out, Funnel funnel, Absorption chain) {
        var s = funnel.scenario();
        double[] now = ExactMethod.winInHorizon(funnel, ExactMethod.defaultStepsPerDay(s.horizonDays()));
        int entry = funnel.entry();
        out.printf(Locale.ROOT, "%n   This period, by milestone (a deal that reaches the stage today, %d working days left):%n%n",
            s.horizonDays());
        out.printf(Locale.ROOT, "   %-10s %10s %12s %20s%n", "stage", "h(s) ever", "this period", "worth, in new deals");
        for (int i = 0; i < funnel.stageCount(); i++) {
            out.printf(Locale.ROOT, "   %-10s %10.3f %12.3f %20s%n", funnel.id(i), chain.winProbability(i), now[i],
                now[entry] > 0 ? String.format(Locale.ROOT, "%.1f", now[i] / now[entry]) : "-");
        }
        int last = -1;
        for (int i = 0; i < funnel.stageCount(); i++) {
            if (i != entry && (last < 0 || chain.winProbability(i) > chain.winProbability(last))) {
                last = i;
            }
        }
        if (last >= 0 && now[entry] > 0 && chain.winProbability(entry) > 0) {
            out.printf(Locale.ROOT, "%n   A deal at '%s' is worth %.1f at '%s' eventually (%.3f / %.3f), but %.1f this period"
                    + "%n   (%.3f / %.3f): it is nearer the win and also closes sooner, so it counts for more this month.%n",
                funnel.id(last), chain.winProbability(last) / chain.winProbability(entry), funnel.id(entry),
                chain.winProbability(last), chain.winProbability(entry), now[last] / now[entry], now[last], now[entry]);
        }
    }
}
