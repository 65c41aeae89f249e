package funnelcast.model;

import funnelcast.dist.Distribution;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A funnel, its calendar, its inflow and opening pipeline, and this period's target. */
public record Scenario(String name, WorkCalendar calendar, String entry, List<Stage> stages, Inflow inflow,
                       List<PipelineDeal> pipeline, Target target, Optional<Distribution> dealValue,
                       MonthEffects monthEffects) {
    public Scenario {
        stages = List.copyOf(stages);
        pipeline = List.copyOf(pipeline);
        Objects.requireNonNull(monthEffects, "monthEffects");
    }

    /** A scenario without month effects (an average period, as in the base model). */
    public Scenario(String name, WorkCalendar calendar, String entry, List<Stage> stages, Inflow inflow,
                    List<PipelineDeal> pipeline, Target target, Optional<Distribution> dealValue) {
        this(name, calendar, entry, stages, inflow, pipeline, target, dealValue, MonthEffects.NONE);
    }

    public Scenario withMonthEffects(MonthEffects effects) {
        return new Scenario(name, calendar, entry, stages, inflow, pipeline, target, dealValue, effects);
    }

    public Scenario withStages(List<Stage> newStages) {
        return new Scenario(name, calendar, entry, newStages, inflow, pipeline, target, dealValue, monthEffects);
    }

    public Stage stage(String id) {
        for (Stage s : stages) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no stage " + id);
    }

    public int horizonDays() {
        return calendar.horizonDays();
    }

    public int pipelineDeals() {
        return pipeline.stream().mapToInt(PipelineDeal::count).sum();
    }
}
