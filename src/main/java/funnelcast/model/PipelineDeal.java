package funnelcast.model;

import java.util.OptionalDouble;

/**
 * Deals open at time 0: {@code count} identical deals at {@code stage}, each {@code age} working
 * days into it; a named deal ({@code id} not null) has count 1. {@code value} is the deal's own
 * value when known; {@code name} the name a person knows it by (the CRM's opportunity or account
 * name), or null.
 */
public record PipelineDeal(String id, String stage, double age, int count, OptionalDouble value, String rep, String name) {
    /** A deal without a name. */
    public PipelineDeal(String id, String stage, double age, int count, OptionalDouble value, String rep) {
        this(id, stage, age, count, value, rep, null);
    }

    /** The same deals, {@code age} working days into their stage. */
    public PipelineDeal withAge(double newAge) {
        return new PipelineDeal(id, stage, newAge, count, value, rep, name);
    }

    public PipelineDeal {
        if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("age must be a finite number >= 0, got " + age);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }
}
