package funnelcast.model;

import funnelcast.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A funnel, its calendar, its inflow and opening pipeline, and the horizon's target. */
public record Scenario(String name, WorkCalendar calendar, String entry, List<Stage> stages, Inflow inflow,
                       List<PipelineDeal> pipeline, Target target, Optional<Law> dealValue,
                       MonthEffects monthEffects) {
    public Scenario {
        stages = List.copyOf(stages);
        pipeline = List.copyOf(pipeline);
        Objects.requireNonNull(monthEffects, "monthEffects");
    }

    /** A scenario without month effects (an average period, as in the base model). */
    public Scenario(String name, WorkCalendar calendar, String entry, List<Stage> stages, Inflow inflow,
                    List<PipelineDeal> pipeline, Target target, Optional<Law> dealValue) {
        this(name, calendar, entry, stages, inflow, pipeline, target, dealValue, MonthEffects.NONE);
    }

    public Scenario withMonthEffects(MonthEffects effects) {
        return new Scenario(name, calendar, entry, stages, inflow, pipeline, target, dealValue, effects);
    }

    public Scenario withStages(List<Stage> newStages) {
        return new Scenario(name, calendar, entry, newStages, inflow, pipeline, target, dealValue, monthEffects);
    }

    /**
     * The same scenario with {@code perDay} new deals a working day, the observed history kept. A
     * team keeps its reps, their starts and days off and the ramp, each rep's rate scaled so that
     * the team's mean over the horizon is {@code perDay}; a team that brings no deal in the horizon
     * (every rep starting after it) has no rate to scale and gives way to a constant rate.
     */
    public Scenario withInflow(double perDay) {
        Inflow in = inflow;
        Inflow changed;
        if (in.team() != null && in.perDay() > 0) {
            Team t = in.team();
            changed = Inflow.of(new Team(t.perRepPerDay() * (perDay / in.perDay()), t.rampDays(), t.reps()), calendar);
        } else {
            changed = new Inflow(perDay, in.reps(), in.observed());
        }
        return new Scenario(name, calendar, entry, stages, changed, pipeline, target, dealValue, monthEffects);
    }

    /**
     * Stage {@code index} with exit {@code exit} at {@code probability} (in [0, 1]): the model's one
     * rule for changing one exit, which sensitivity uses and month effects follow (their odds
     * shift, {@link MonthEffects#shift}): the stage's other exits keep their proportions to each
     * other, scaled to fill the rest; where there are none to scale (the exit was the stage's only
     * one), the rest goes to {@code lost}. The stage's observed exit counts are dropped, since they
     * no longer describe it. (A what-if {@code --set} edits the file instead, where {@code lost}
     * is what is left: see docs/what-if.md.)
     */
    public Scenario withExitProbability(int index, int exit, double probability) {
        Stage st = stages.get(index);
        double old = st.exits().get(exit).probability();
        double others = 1 - old;
        List<Exit> exits = new ArrayList<>();
        int lost = -1;
        for (int e = 0; e < st.exits().size(); e++) {
            Exit x = st.exits().get(e);
            double p = e == exit ? probability : others > 0 ? x.probability() * (1 - probability) / others : 0;
            if (x.to().equals(Exit.LOST)) {
                lost = e;
            }
            exits.add(new Exit(x.to(), p, x.dwell(), x.ownDwell()));
        }
        if (!(others > 0) && probability < 1) {
            if (lost >= 0) {
                Exit x = exits.get(lost);
                exits.set(lost, new Exit(Exit.LOST, 1 - probability, x.dwell(), x.ownDwell()));
            } else {
                exits.add(new Exit(Exit.LOST, 1 - probability, st.dwell(), false));
            }
        }
        List<Stage> changed = new ArrayList<>(stages);
        changed.set(index, new Stage(st.id(), st.label(), exits, st.dwell(), Map.of(), st.criteria(), st.questions(),
            st.skills(), st.stalled()));
        return withStages(changed);
    }

    /**
     * Every dwell of stage {@code index} times {@code factor}; the ages of the deals at that stage
     * are scaled too, so each deal stays at the same point of its visit (and an age stays possible
     * under a shorter fixed or bounded dwell).
     */
    public Scenario withDwellScale(int index, double factor) {
        Stage st = stages.get(index);
        List<Exit> exits = st.exits().stream().map(x -> new Exit(x.to(), x.probability(), x.dwell().scaled(factor), x.ownDwell()))
            .toList();
        List<Stage> changed = new ArrayList<>(stages);
        changed.set(index, st.withExits(exits, st.dwell().scaled(factor)));
        List<PipelineDeal> aged = pipeline.stream().map(d -> d.stage().equals(st.id()) && factor != 1
            ? d.withAge(d.age() * factor) : d).toList();
        return new Scenario(name, calendar, entry, changed, inflow, aged, target, dealValue, monthEffects);
    }

    public Stage stage(String id) {
        for (Stage s : stages) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no stage " + id);
    }

    /** The working days of the month that holds the horizon ({@link WorkCalendar#monthDays}). */
    public int monthDays() {
        return calendar.monthDays();
    }

    public int horizonDays() {
        return calendar.horizonDays();
    }

    public int pipelineDeals() {
        return pipeline.stream().mapToInt(PipelineDeal::count).sum();
    }
}
