package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.calibrate.Calibration;
import funnelcast.reps.RepFunnels;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** How reps prints: each rep's numbers, the scorecard by stage, then the flags by the wins they cost. */
final class RepsOutput {
    private RepsOutput() {
    }

    /** What --json prints (no quota: left out). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record View(String source, LocalDate asOf, double months, Integer quota, List<RepFunnels.StageSpread> stages,
                List<Rep> reps, List<Flag> flags) {
    }

    /** A rep as --json writes it: without a quota, no P(hit) and no daily number. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Rep(String rep, int newDeals, double inflowPerDay, double inflowLower, double inflowUpper, boolean littleHistory,
               List<RepFunnels.StageScore> stages, int openDeals, double expectedWins, OptionalDouble pHitQuota,
               OptionalDouble inflowNeededPerDay) {
        static Rep of(RepFunnels.RepFunnel r) {
            return new Rep(r.rep(), r.newDeals(), r.inflowPerDay(), r.inflowLower(), r.inflowUpper(), r.littleHistory(),
                r.stages(), r.openDeals(), r.expectedWins(), r.pHitQuota(), r.inflowNeededPerDay());
        }
    }

    /** A flag: the rep, the stage and its score. */
    record Flag(String rep, RepFunnels.StageScore at) {
    }

    static View json(Calibration c, RepFunnels r) {
        return new View(c.source(), c.asOf(), r.months(), r.quota().isPresent() ? r.quota().getAsInt() : null, r.stages(),
            r.reps().stream().map(Rep::of).toList(), flags(r));
    }

    static List<Flag> flags(RepFunnels r) {
        return r.reps().stream().flatMap(rep -> rep.flags().stream().map(s -> new Flag(rep.rep(), s)))
            .sorted(Comparator.comparingDouble((Flag f) -> f.at().winsCostPerMonth()).reversed()).toList();
    }

    static void print(PrintWriter o, Calibration c, RepFunnels r, boolean skillsGiven) {
        o.printf(Locale.ROOT, "%s: %d reps over %.1f months; each rep's exits and inflow shrunk toward the team's%n%n",
            c.scenario().name(), r.reps().size(), r.months());
        int width = Math.max(6, r.reps().stream().mapToInt(x -> x.rep().length()).max().orElse(0));
        String quota = r.quota().isPresent() ? "P(hit " + r.quota().getAsInt() + ")" : "";
        o.printf(Locale.ROOT, "  %-" + width + "s %10s %15s %6s %9s%s%n", "rep", "new a day", "(90%)", "open", "exp. wins",
            r.quota().isPresent() ? String.format(Locale.ROOT, " %10s %10s", quota, "need/day*") : "");
        for (RepFunnels.RepFunnel rep : r.reps()) {
            o.printf(Locale.ROOT, "  %-" + width + "s %10.2f %15s %6d %9.1f%s%s%n", rep.rep(), rep.inflowPerDay(),
                String.format(Locale.ROOT, "(%.2f-%.2f)", rep.inflowLower(), rep.inflowUpper()), rep.openDeals(),
                rep.expectedWins(), r.quota().isPresent() ? String.format(Locale.ROOT, " %9.1f%% %10s",
                    100 * rep.pHitQuota().orElse(Double.NaN), rep.inflowNeededPerDay().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", rep.inflowNeededPerDay().getAsDouble()) : "-") : "",
                rep.littleHistory() ? "  (little history: mostly the team's funnel)" : "");
        }
        if (r.quota().isPresent()) {
            o.printf(Locale.ROOT, "  * new deals a day each rep's funnel needs for P(hit) %.0f%% in an average month (as plan: "
                + "without the month effects the forecast's P(hit) counts)%n", 100 * RepFunnels.CONFIDENCE);
        }
        o.printf(Locale.ROOT, "%nAdvance at each stage, rep against team: the rep's shrunk rate, its 90%% interval, advanced/visits "
            + "(open visits counted by their expected exits where dwells are exit-specific), P(below the team):%n");
        for (RepFunnels.StageSpread s : r.stages()) {
            if (s.advanceTo() == null) {
                continue;
            }
            o.printf(Locale.ROOT, "%n  %s -> %s: team %.3f (prior strength alpha %s)%n", s.stage(), s.advanceTo(), s.teamAdvance(),
                String.format(Locale.ROOT, "%.1f", s.alpha()));
            for (RepFunnels.RepFunnel rep : r.reps()) {
                for (RepFunnels.StageScore x : rep.stages()) {
                    if (x.stage().equals(s.stage())) {
                        o.printf(Locale.ROOT, "    %-" + width + "s %6.3f (%.3f-%.3f)  %6.1f/%-7.1f P(below) %.2f%s%n", rep.rep(),
                            x.advance(), x.lower(), x.upper(), x.advanced(), x.visits(), x.pBelowTeam(),
                            x.flagged() ? "  FLAG" : "");
                    }
                }
            }
        }
        List<Flag> flags = flags(r);
        o.printf(Locale.ROOT, "%n");
        if (flags.isEmpty()) {
            o.printf(Locale.ROOT, "No rep is flagged: none converts below the team with P >= %.1f at a cost of a win a month or more.%n",
                RepFunnels.FLAG_PROBABILITY);
            return;
        }
        o.printf(Locale.ROOT, "Flagged (P(below) >= %.1f and at least %.0f expected win a month), by the wins they cost:%n",
            RepFunnels.FLAG_PROBABILITY, RepFunnels.FLAG_WINS);
        for (Flag f : flags) {
            RepFunnels.StageScore x = f.at();
            o.printf(Locale.ROOT, "  %s at %s: %.3f to %s against the team's %.3f (P(below) %.2f), %.1f wins a month.%n", f.rep(),
                x.stage(), x.advance(), x.advanceTo(), x.teamAdvance(), x.pBelowTeam(), x.winsCostPerMonth());
            o.printf(Locale.ROOT, "    Coach: %s%n", x.skills().isEmpty()
                ? (skillsGiven ? "(the scenario lists no skills for this stage)" : "(give --skills SCENARIO to name the skills)")
                : String.join("; ", x.skills()));
        }
    }
}
