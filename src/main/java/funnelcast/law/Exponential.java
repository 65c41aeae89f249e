package funnelcast.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.ExponentialDistribution;

/** Exponential with the given mean: the memoryless dwell of a continuous-time Markov chain. */
public record Exponential(double mean) implements StatisticsLaw {
    public Exponential {
        Check.positive("mean", mean);
    }

    @Override
    public ExponentialDistribution law() {
        return ExponentialDistribution.of(mean);
    }

    public double rate() {
        return 1 / mean;
    }

    @Override
    public double logDensity(double x) {
        return -Math.log(mean) - x / mean;
    }

    /** Its closed forms at every point, as {@link #logDensity} and {@link #survival} give them. */
    @Override
    public Evaluation evaluation() {
        return new Pointwise(this) {
            @Override
            public double logLikelihood(WeightedValues sample, double floor) {
                return -sample.count() * Math.log(mean) - sample.sum() / mean;
            }
        };
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-x / mean);
    }

    @Override
    public double survival(double x) {
        return x <= 0 ? 1 : Math.exp(-x / mean);
    }

    /** Its closed forms, point by point (not Commons Statistics' law, which {@link StatisticsLaw#cdfs} would use). */
    @Override
    public double[] cdfs(double from, double step, int count) {
        return Law.onGrid(from, step, count, this::cdf);
    }

    @Override
    public double[] survivals(double from, double step, int count) {
        return Law.onGrid(from, step, count, this::survival);
    }

    @Override
    public double variance() {
        return mean * mean;
    }

    @Override
    public Law scaled(double factor) {
        return new Exponential(mean * factor);
    }

    @Override
    public String describe() {
        return Check.format("exponential(mean=%s)", mean);
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return ZigguratSampler.Exponential.of(rng, mean);
    }

    @Override
    public SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        return sampler(rng); // memoryless: the age changes nothing
    }
}
