package funnelcast.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * The dwell of a stalled deal: it never ends (P(X <= x) = 0 for every x). It is never written
 * in a scenario: a stage's {@code stalled} share becomes an exit to {@code lost} with this dwell
 * when the funnel is compiled, so that an old deal is more likely stalled the older it is.
 */
public record Never() implements Law {
    public static final Never INSTANCE = new Never();

    @Override
    public double cdf(double x) {
        return 0;
    }

    @Override
    public double survival(double x) {
        return 1;
    }

    @Override
    public double inverseCdf(double p) {
        return p <= 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public double inverseSurvival(double p) {
        return p >= 1 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public double mean() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double variance() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double supportLowerBound() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public Law scaled(double factor) {
        return this;
    }

    @Override
    public String describe() {
        return "never";
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return new Fixed.Constant(Double.POSITIVE_INFINITY);
    }

    @Override
    public SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        return new Fixed.Constant(Double.POSITIVE_INFINITY);
    }
}
