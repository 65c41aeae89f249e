package funnelcast.law;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.GammaDistribution;

/** Gamma with shape k and scale theta (mean k * theta). */
public record Gamma(double shape, double scale) implements StatisticsLaw {
    public Gamma {
        Check.positive("shape", shape);
        Check.positive("scale", scale);
    }

    @Override
    public GammaDistribution law() {
        return GammaDistribution.of(shape, scale);
    }

    /**
     * The density in closed form, {@code (k-1) log x - x/theta - log Gamma(k) - k log theta}, its
     * constant computed once: Commons Statistics' density goes through the regularised gamma
     * function's derivative, a gamma function evaluation at every point, which made four tenths
     * of a calibration's time. The survival stays Commons Statistics'.
     */
    @Override
    public Evaluation evaluation() {
        double constant = LogGamma.value(shape) + shape * Math.log(scale);
        return new LawEvaluation(law()) {
            @Override
            public double logDensity(double x) {
                if (x > 0 && x < Double.POSITIVE_INFINITY) {
                    return (shape - 1) * Math.log(x) - x / scale - constant;
                }
                return law.logDensity(x);
            }

            @Override
            public double logLikelihood(WeightedValues sample, double floor) {
                return (shape - 1) * sample.sumLog() - sample.sum() / scale - sample.count() * constant;
            }

            @Override
            public double logSurvivals(double[] ages, double[] weights, double floor) {
                double[] q = survivals(ages);
                double ll = 0;
                for (int i = 0; i < ages.length; i++) {
                    if (weights[i] != 0) {
                        double term = Math.log(q[i]);
                        ll += weights[i] * (term > floor ? term : floor);
                    }
                }
                return ll;
            }
        };
    }

    /** Gauss-Legendre's four nodes on [-1, 1] and their weights. */
    private static final double[] NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
        0.8611363115940526};
    private static final double[] NODE_WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
        0.3478548451374538};

    /**
     * How short a step must be, against the density's own scale there, to be integrated rather
     * than asked of the incomplete gamma function: at 0.2 the four-point rule's error is below
     * the rounding's (GammaSurvivalsTest), and a stage's open visits, a few thousand ages over a
     * few weeks, are asked directly once in fifty.
     */
    static final double STEP = 0.2;

    /**
     * The survival at each of the ascending {@code ages}, the same numbers as {@link #survival} to
     * the last few digits: the oldest asked of the incomplete gamma function, each younger one
     * the next older one's plus the density's integral between them (four-point Gauss-Legendre)
     * where the step is short against the density's scale (the smaller of 1 and x / (|k - 1| + 4),
     * x in scale units); elsewhere asked again. A sum of positive terms from the tail up keeps
     * its relative precision where the survival is tiny, and costs four exponentials and
     * logarithms a point, not a continued fraction and a gamma function.
     */
    double[] survivals(double[] ages) {
        int n = ages.length;
        double[] q = new double[n];
        GammaDistribution law = law();
        double logGamma = LogGamma.value(shape);
        double spread = Math.abs(shape - 1) + 4;
        double upper = Double.NaN;
        double at = Double.NaN;
        for (int i = n - 1; i >= 0; i--) {
            double x = ages[i] / scale;
            double h = upper - x;
            if (h == 0) {
                q[i] = at;
                continue;
            }
            if (!(h > 0 && x > 0 && h <= STEP * Math.min(1, x / spread))) { // the first, a long step, out of order
                at = x <= 0 ? 1 : law.survivalProbability(ages[i]);
            } else {
                double mid = 0.5 * (upper + x);
                double half = 0.5 * h;
                double sum = 0;
                for (int j = 0; j < NODES.length; j++) {
                    double t = mid + half * NODES[j];
                    sum += NODE_WEIGHTS[j] * Math.exp((shape - 1) * Math.log(t) - t - logGamma);
                }
                at += half * sum;
            }
            q[i] = at;
            upper = x;
        }
        return q;
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
    public Law scaled(double factor) {
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

    /**
     * X - a given X > a. Young deals use the default (rejection from the law itself). Past the
     * mode the residual density is proportional to (1 + r/a)^(k-1) e^(-r/theta), and an
     * exponential proposal dominates it: for k >= 1, since (1 + r/a)^(k-1) <= e^((k-1) r / a),
     * the exponential of rate 1/theta - (k-1)/a, accepted with (1 + r/a)^(k-1) e^(-(k-1) r / a);
     * for k < 1, since (1 + r/a)^(k-1) <= 1, the exponential of rate 1/theta, accepted with
     * (1 + r/a)^(k-1). Both are exact.
     */
    @Override
    public SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        boolean increasingHazard = shape >= 1;
        double rate = increasingHazard ? 1 / scale - (shape - 1) / Math.max(age, Double.MIN_NORMAL) : 1 / scale;
        if (age <= 0 || survival(age) >= ResidualSampler.REJECTION_FROM || !(rate > 0)) {
            return StatisticsLaw.super.residualSampler(rng, age);
        }
        return new OldDeal(ZigguratSampler.Exponential.of(rng, 1 / rate), rng, shape - 1, age, increasingHazard);
    }

    private record OldDeal(ZigguratSampler.Exponential proposal, UniformRandomProvider rng, double power, double age,
                           boolean increasingHazard) implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            while (true) {
                double r = proposal.sample();
                double logAccept = power * (increasingHazard ? Math.log1p(r / age) - r / age : Math.log1p(r / age));
                if (logAccept >= 0 || Math.log(1.0 - rng.nextDouble()) < logAccept) {
                    return r;
                }
            }
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider other) {
            return new OldDeal(proposal.withUniformRandomProvider(other), other, power, age, increasingHazard);
        }
    }
}
