package funnelcast.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/** Lognormal given by its median (e^mu) and sigma, the usual shape of sales-cycle times. */
public record LogNormal(double median, double sigma) implements StatisticsLaw {
    public LogNormal {
        Check.positive("median", median);
        Check.positive("sigma", sigma);
    }

    @Override
    public LogNormalDistribution law() {
        return LogNormalDistribution.of(Math.log(median), sigma);
    }

    /**
     * Commons Statistics' law at every point; over exactly observed values, the log likelihood
     * from their sums: {@code -sum log x - n log(sigma sqrt(2 pi)) - sum (log x - mu)^2 / (2 sigma^2)}.
     */
    @Override
    public Evaluation evaluation() {
        double mu = Math.log(median);
        return new LawEvaluation(law()) {
            @Override
            public double logLikelihood(WeightedValues sample, double floor) {
                return -sample.sumLog() - sample.count() * (Math.log(sigma) + LOG_ROOT_TWO_PI)
                    - sample.logSquaresAbout(mu) / (2 * sigma * sigma);
            }
        };
    }

    /** log sqrt(2 pi). */
    private static final double LOG_ROOT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    @Override
    public double mean() {
        return median * Math.exp(sigma * sigma / 2);
    }

    @Override
    public double variance() {
        double s2 = sigma * sigma;
        return Math.expm1(s2) * median * median * Math.exp(s2);
    }

    @Override
    public Law scaled(double factor) {
        return new LogNormal(median * factor, sigma);
    }

    @Override
    public String describe() {
        return Check.format("lognormal(median=%s, sigma=%s)", median, sigma);
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), Math.log(median), sigma);
    }
}
