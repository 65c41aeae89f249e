package funnelcast.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/** Weibull with shape k and scale lambda: S(x) = exp(-(x/lambda)^k). */
public record Weibull(double shape, double scale) implements StatisticsLaw {
    public Weibull {
        Check.positive("shape", shape);
        Check.positive("scale", scale);
    }

    @Override
    public WeibullDistribution law() {
        return WeibullDistribution.of(shape, scale);
    }

    /**
     * Commons Statistics' law at every point; over exactly observed values, the log likelihood
     * {@code n log(k / lambda^k) + (k - 1) sum log x - sum (x / lambda)^k}, the powers' sum from the
     * values' logs ({@link WeightedValues#powerSum}).
     */
    @Override
    public Evaluation evaluation() {
        return new LawEvaluation(law()) {
            @Override
            public double logLikelihood(WeightedValues sample, double floor) {
                double logScale = Math.log(scale);
                double powers = sample.powerSum(shape, logScale);
                return sample.count() * (Math.log(shape) - shape * logScale) + (shape - 1) * sample.sumLog() - powers;
            }
        };
    }

    @Override
    public double mean() {
        return law().getMean();
    }

    @Override
    public double variance() {
        return law().getVariance();
    }

    @Override
    public Law scaled(double factor) {
        return new Weibull(shape, scale * factor);
    }

    @Override
    public String describe() {
        return Check.format("weibull(shape=%s, scale=%s)", shape, scale);
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return new WeibullSampler(ZigguratSampler.Exponential.of(rng), scale, 1 / shape);
    }

    /** X given X > age is lambda ((age/lambda)^k + E)^(1/k), E standard exponential: exact and cheap. */
    @Override
    public SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        if (age <= 0) {
            return sampler(rng);
        }
        return new Residual(ZigguratSampler.Exponential.of(rng), scale, shape, age);
    }

    private record Residual(ZigguratSampler.Exponential exponential, double scale, double shape, double age)
            implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            double h = Math.pow(age / scale, shape) + exponential.sample();
            return Math.max(0, scale * Math.pow(h, 1 / shape) - age);
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return new Residual(exponential.withUniformRandomProvider(rng), scale, shape, age);
        }
    }

    /** lambda * E^(1/k) with E standard exponential: the inverse transform without a log. */
    private record WeibullSampler(ZigguratSampler.Exponential exponential, double scale, double power)
            implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            return scale * Math.pow(exponential.sample(), power);
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return new WeibullSampler(exponential.withUniformRandomProvider(rng), scale, power);
        }
    }
}
