package funnelcast.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/** Always the same value. A fixed dwell of 0 is an instant transition. */
public record Fixed(double value) implements Law {
    public Fixed {
        Check.nonNegative("value", value);
    }

    @Override
    public double cdf(double x) {
        return x >= value ? 1 : 0;
    }

    @Override
    public double inverseCdf(double p) {
        return value;
    }

    @Override
    public double inverseSurvival(double p) {
        return p >= 1 ? 0 : value;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public double supportLowerBound() {
        return value;
    }

    @Override
    public double supportUpperBound() {
        return value;
    }

    @Override
    public double atomAtZero() {
        return value == 0 ? 1 : 0;
    }

    @Override
    public Law scaled(double factor) {
        return new Fixed(value * factor);
    }

    @Override
    public String describe() {
        return Check.format("fixed(value=%s)", value);
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return new Constant(value);
    }

    @Override
    public SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        if (age < value) {
            return new Constant(value - age);
        }
        throw new IllegalArgumentException(Check.format(
            "age %s is beyond the support of %s", age, describe()));
    }

    record Constant(double value) implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            return value;
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return this;
        }
    }
}
