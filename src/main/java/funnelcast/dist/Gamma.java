package funnelcast.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.statistics.distribution.GammaDistribution;

/** Gamma with shape k and scale theta (mean k * theta). */
public record Gamma(double shape, double scale) implements Distribution {
    public Gamma {
        Check.positive("shape", shape);
        Check.positive("scale", scale);
    }

    private GammaDistribution law() {
        return GammaDistribution.of(shape, scale);
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : law().cumulativeProbability(x);
    }

    @Override
    public double survival(double x) {
        return x <= 0 ? 1 : law().survivalProbability(x);
    }

    @Override
    public double inverseCdf(double p) {
        return law().inverseCumulativeProbability(p);
    }

    @Override
    public double inverseSurvival(double p) {
        return law().inverseSurvivalProbability(p);
    }

    @Override
    public double mean() {
        return shape * scale;
    }

    @Override
    public double variance() {
        return shape * scale * scale;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public Distribution scaled(double factor) {
        return new Gamma(shape, scale * factor);
    }

    @Override
    public String describe() {
        return Check.format("gamma(shape=%s, scale=%s)", shape, scale);
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, scale);
    }
}
