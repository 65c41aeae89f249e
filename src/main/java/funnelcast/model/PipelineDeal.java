package funnelcast.model;

import java.util.OptionalDouble;

/**
 * Deals open at time 0: {@code count} identical deals at {@code stage}, each {@code age} working
 * days into it; a named deal ({@code id} not null) has count 1. {@code value} is the deal's own
 * value when known.
 */
public record PipelineDeal(String id, String stage, double age, int count, OptionalDouble value, String rep) {
    public PipelineDeal {
        if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("age must be a finite number >= 0, got " + age);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }
}
