package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.plan.Hires;
import funnelcast.plan.Plan;
import funnelcast.plan.RequiredInflow;
import funnelcast.plan.SteadyState;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** How the command prints the plan: its table and its JSON. */
final class PlanOutput {
    private PlanOutput() {
    }


    /**
     * The plan result; where the inflow is given per rep, each horizon also says how many ramped
     * reps that inflow takes ({@code repsNeeded}: the inflow a day over one rep's new deals a day).
     */
    static View json(Plan plan, Scenario scenario, List<Hires> hires) {
        double perRep = scenario.inflow().perRepPerDay();
        SteadyState st = plan.steadyState();
        RequiredInflow now = plan.thisHorizon();
        Required thisHorizon = Required.of(now, perRep, now.reachable() ? null : plan.reachableTarget(),
            hires.isEmpty() ? null : hires.stream().map(Hire::of).toList());
        return new View(plan.entry(), plan.pWinFromEntry(),
            new Steady(st.inflowPerDay(), Double.isNaN(st.perRepPerDay()) ? null : st.perRepPerDay(), st.stages()),
            thisHorizon, plan.curve().stream().map(r -> Required.of(r, perRep, null, null)).toList());
    }

    /** The plan as --json prints it. */
    record View(String entry, double pWinFromEntry, Steady steadyState, Required thisPeriod, List<Required> curve) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Steady(double inflowPerDay, Double perRepPerDay, @JsonIgnoreProperties("label") List<SteadyState.StageFlow> stages) {
    }

    /** One confidence's inflow: reachable with its figures, or out of reach with why and the best P(hit). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Required(double confidence, boolean reachable, Double inflowPerDay, Double perRepPerDay, Double repsNeeded,
                  Integer wholeReps, Double pHitAtWholeReps, Double pHitAtRequired, String reason, Double bestPHit,
                  Integer pipelineReachesWithConfidence, List<Hire> hires) {
        static Required of(RequiredInflow r, double perRep, Integer pipelineReaches, List<Hire> hires) {
            if (!r.reachable()) {
                return new Required(r.confidence(), false, null, null, null, null, null, null, r.reason(), r.bestPHit(),
                    pipelineReaches, hires);
            }
            boolean reps = !Double.isNaN(r.perRepPerDay());
            return new Required(r.confidence(), true, r.inflowPerDay(), reps ? r.perRepPerDay() : null,
                reps ? r.inflowPerDay() / perRep : null, reps ? r.wholeReps() : null, reps ? r.pHitAtWholeReps() : null,
                r.pHitAtRequired(), null, null, pipelineReaches, hires);
        }
    }

    /** Hires from one start: how many, or why none would do. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Hire(LocalDate start, boolean reachable, Integer needed, String reason, double winsPerHire) {
        static Hire of(Hires h) {
            return new Hire(h.start(), h.reachable(), h.reachable() ? h.needed() : null, h.reachable() ? null : h.reason(),
                h.winsPerHire());
        }
    }

    /** The plan as a table; {@code bottleneck} (or null) is named when the inflow needed is several times today's. */
    static void print(PrintWriter out, Funnel funnel, Plan plan, String bottleneck, List<Hires> hires) {
        var s = funnel.scenario();
        SteadyState st = plan.steadyState();
        boolean perRep = s.inflow().perRep();
        out.printf(Locale.ROOT, "%s: plan for %d wins in %d working days (%s .. %s)%n%n", plan.scenario(), plan.target(),
            s.horizonDays(), s.calendar().start(), s.calendar().end());
        if (!s.monthEffects().isNone()) {
            out.printf(Locale.ROOT, "note: the plan is for an average month; this scenario's month effects (%s) are used by forecast, "
                + "not by plan%n%n", s.monthEffects().describe());
        }
        out.printf(Locale.ROOT, "Steady state, the team's standing daily numbers:%n");
        out.printf(Locale.ROOT, "  a new deal at '%s' wins with %.3f, so %d wins a month (%d working days) take %.2f new deals "
            + "a day%s.%n%n", plan.entry(), plan.pWinFromEntry(), plan.target(), st.monthDays(), st.inflowPerDay(),
            perRep ? String.format(Locale.ROOT, " (%.2f per rep, %.3g reps)", st.perRepPerDay(), s.inflow().reps()) : "");
        out.printf(Locale.ROOT, "  %-10s %7s %8s %12s %11s %9s%s%n", "stage", "h(s)", "visits", "arrivals/day", "mean dwell",
            "hold", perRep ? "  hold/rep" : "");
        for (SteadyState.StageFlow f : st.stages()) {
            out.printf(Locale.ROOT, "  %-10s %7.3f %8.3f %12.2f %11.2f %9.1f%s%n", f.id(), f.pWin(), f.expectedVisits(),
                f.arrivalsPerDay(), f.meanDwell(), f.inventory(),
                perRep ? String.format(Locale.ROOT, "  %8.1f", f.inventory() / s.inflow().reps()) : "");
        }
        RequiredInflow now = plan.thisHorizon();
        out.printf(Locale.ROOT, "%nThis period, at %.0f%% confidence (%d pipeline deals, %d already won, %d more needed):%n",
            100 * now.confidence(), s.pipelineDeals(), plan.alreadyWon(), plan.target() - plan.alreadyWon());
        if (now.reachable() && now.inflowPerDay() == 0) {
            out.printf(Locale.ROOT, "  the pipeline alone reaches the target: P(hit) = %.3f with no new deals.%n",
                now.pHitAtRequired());
        } else if (now.reachable()) {
            out.printf(Locale.ROOT, "  find %.2f new deals a day%s: P(hit) = %.3f (now: %.2f a day).%n", now.inflowPerDay(),
                perRep ? String.format(Locale.ROOT, " (%.2f per rep)", now.perRepPerDay()) : "", now.pHitAtRequired(),
                s.inflow().perDay());
            if (perRep) {
                out.printf(Locale.ROOT, "  That is %.1f ramped reps at %.2f new deals a day each (the team now: %.3g): %d people, "
                    + "P(hit) = %.3f with %d.%n", now.inflowPerDay() / s.inflow().perRepPerDay(), s.inflow().perRepPerDay(),
                    s.inflow().reps(), now.wholeReps(), now.pHitAtWholeReps(), now.wholeReps());
            }
            if (!hires.isEmpty()) {
                out.printf(Locale.ROOT, "  With the team as it is (ramps and days off included), that takes hires, by start date:%n");
                for (Hires h : hires) {
                    if (h.reachable()) {
                        out.printf(Locale.ROOT, "    from %s: %d (each adds %.2f expected wins this period)%n", h.start(), h.needed(),
                            h.winsPerHire());
                    } else {
                        out.printf(Locale.ROOT, "    out of reach: %s.%n", h.reason());
                    }
                }
            }
            if (bottleneck != null) {
                out.printf(Locale.ROOT, "  That is %.1f times today's inflow. The bottleneck is '%s': converting or moving faster "
                    + "there needs fewer new deals (funnel sensitivity).%n", now.inflowPerDay() / s.inflow().perDay(),
                    bottleneck);
            }
        } else {
            out.printf(Locale.ROOT, "  no inflow can reach it: %s.%n"
                + "  The best P(hit) is %.3f; with %.0f%% confidence the pipeline"
                + " makes %d wins in all.%n  To reach the target these deals must close faster, or the target"
                + " fall to %d. The deals that carry it:%n", now.reason(), now.bestPHit(), 100 * now.confidence(),
                plan.reachableTarget(), plan.reachableTarget());
            for (Plan.PipelineChance c : plan.pipelineChances()) {
                out.printf(Locale.ROOT, "    %-22s %-10s P(win this period) = %.3f%n", c.deal(), c.stage(), c.pWinInHorizon());
            }
        }
        out.printf(Locale.ROOT, "%nNew deals a day needed, by confidence:%n");
        for (RequiredInflow r : plan.curve()) {
            out.printf(Locale.ROOT, "  %3.0f%%  %s%n", 100 * r.confidence(), r.reachable()
                ? String.format(Locale.ROOT, "%7.2f%s", r.inflowPerDay(), perRep ? String.format(Locale.ROOT, "  (%.2f per rep)", r.perRepPerDay()) : "")
                : "    out of reach (best " + String.format(Locale.ROOT, "%.3f", r.bestPHit()) + ")");
        }
        out.printf(Locale.ROOT, "%nSolver: %s.%n", plan.solver());
    }
}
