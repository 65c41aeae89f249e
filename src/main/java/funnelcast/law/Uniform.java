package funnelcast.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/** Uniform on [min, max], 0 <= min < max. */
public record Uniform(double min, double max) implements Law {
    public Uniform {
        Check.nonNegative("min", min);
        Check.positive("max", max);
        if (!(min < max)) {
            throw new ParameterException("min", Check.format("min must be < max, got min=%s, max=%s", min, max));
        }
    }

    @Override
    public double cdf(double x) {
        return x <= min ? 0 : x >= max ? 1 : (x - min) / (max - min);
    }

    @Override
    public double survival(double x) {
        return x <= min ? 1 : x >= max ? 0 : (max - x) / (max - min);
    }

    @Override
    public double inverseCdf(double p) {
        return min + Check.probability("p", p) * (max - min);
    }

    @Override
    public double inverseSurvival(double p) {
        return max - Check.probability("p", p) * (max - min);
    }

    @Override
    public double mean() {
        return (min + max) / 2;
    }

    @Override
    public double variance() {
        double w = max - min;
        return w * w / 12;
    }

    @Override
    public double supportLowerBound() {
        return min;
    }

    @Override
    public double supportUpperBound() {
        return max;
    }

    @Override
    public Law scaled(double factor) {
        return new Uniform(min * factor, max * factor);
    }

    @Override
    public String describe() {
        return Check.format("uniform(min=%s, max=%s)", min, max);
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return ContinuousUniformSampler.of(rng, min, max);
    }
}
