package funnelcast.law;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * A non-negative distribution of a dwell time (working days) or of a deal value (currency).
 *
 * <p>The maths (cdf, survival, inverse, moments) serves the exact method and the conditioning
 * of aged deals; {@link #sampler} hands out a sampler bound to one random stream for the
 * engine. Samplers are {@link SharedStateContinuousSampler}s so a worker can rebind them to
 * the stream of each new block of trials.
 */
public sealed interface Law
        permits StatisticsLaw, Fixed, Uniform, Empirical, Never {

    /** P(X <= x). */
    double cdf(double x);

    /** P(X > x). */
    default double survival(double x) {
        return 1 - cdf(x);
    }

    /**
     * {@code cdf(from + j * step)} for j = 0..count-1: a grid's worth at once, so that a family
     * can set its maths up once for all of them. The same numbers as one call each.
     */
    default double[] cdfs(double from, double step, int count) {
        return onGrid(from, step, count, this::cdf);
    }

    /** {@code survival(from + j * step)} for j = 0..count-1, as {@link #cdfs}. */
    default double[] survivals(double from, double step, int count) {
        return onGrid(from, step, count, this::survival);
    }

    /** {@code f(from + j * step)} for j = 0..count-1. */
    static double[] onGrid(double from, double step, int count, DoubleUnaryOperator f) {
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            out[j] = f.applyAsDouble(from + j * step);
        }
        return out;
    }

    /**
     * A law's log density and survival at many points in a row (a likelihood's sum): whatever the
     * family builds to evaluate them is built once, not at every point. The same numbers as
     * {@link #logDensity} and {@link #survival}.
     */
    interface Evaluation {
        double logDensity(double x);

        double survival(double x);

        /**
         * The weighted sum of the log densities at {@code sample}'s values, each term at least
         * {@code floor}. Families with a closed form (exponential, lognormal, gamma) compute it
         * from the sample's sums, unfloored: the same sum wherever no term falls below the floor,
         * which no positive value does at parameters a fit comes near.
         */
        default double logLikelihood(WeightedValues sample, double floor) {
            double ll = 0;
            double[] x = sample.values();
            double[] w = sample.weights();
            for (int i = 0; i < x.length; i++) {
                if (w[i] != 0) {
                    double term = logDensity(x[i]);
                    ll += w[i] * (term > floor ? term : floor);
                }
            }
            return ll;
        }

        /**
         * The weighted sum of the log survivals at ascending {@code ages} (a likelihood's open
         * visits), each term at least {@code floor}. A family whose survival costs a special
         * function at every point may step from one age to the next instead ({@link Gamma}).
         */
        default double logSurvivals(double[] ages, double[] weights, double floor) {
            double ll = 0;
            for (int i = 0; i < ages.length; i++) {
                if (weights[i] != 0) {
                    double term = Math.log(survival(ages[i]));
                    ll += weights[i] * (term > floor ? term : floor);
                }
            }
            return ll;
        }
    }

    /** The law's {@link Evaluation}. */
    default Evaluation evaluation() {
        return new Pointwise(this);
    }

    /** An evaluation that asks the law itself at every point. */
    class Pointwise implements Evaluation {
        private final Law law;

        public Pointwise(Law law) {
            this.law = law;
        }

        @Override
        public double logDensity(double x) {
            return law.logDensity(x);
        }

        @Override
        public double survival(double x) {
            return law.survival(x);
        }
    }

    /** The smallest x with P(X <= x) >= p. */
    double inverseCdf(double p);

    /** The smallest x with P(X > x) <= p. */
    double inverseSurvival(double p);

    /**
     * {@code log f(x)}, the log density, for the families fitted to data (exponential, lognormal,
     * gamma, Weibull); the others have none to fit with.
     */
    default double logDensity(double x) {
        throw new UnsupportedOperationException(describe() + " has no density to fit with");
    }

    double mean();

    double variance();

    /** The supremum of the support: an age at or beyond it cannot be survived. */
    double supportUpperBound();

    /**
     * The infimum of the support: no value below it has any chance (a fixed dwell's value, a
     * uniform's minimum, an empirical law's smallest value; 0 for the laws with a density on
     * (0, infinity)). Probabilities that the model makes exactly 0 are read off it.
     */
    double supportLowerBound();

    /** P(X = 0): a transition that can take no time at all. */
    default double atomAtZero() {
        return 0;
    }

    /**
     * The same law stretched by {@code factor} (X * factor): a stage running faster or slower.
     * Each family scales its own parameters, so a sampler on the same stream draws the same
     * values times the factor (common random numbers for sensitivity).
     */
    Law scaled(double factor);

    /** "lognormal(median=3, sigma=0.8)": the distribution as the scenario wrote it. */
    String describe();

    SharedStateContinuousSampler sampler(UniformRandomProvider rng);

    /**
     * A sampler of the remaining time {@code X - age} given {@code X > age}. While the age is
     * still likely to be survived ({@code S(age) >= 0.2}) it draws X until X exceeds the age (at
     * most 5 draws on average, each a fast sampler's); beyond, it inverts the survival function:
     * {@code S^-1(U * S(age)) - age}. Both give exactly the conditional law.
     *
     * @throws IllegalArgumentException if {@code P(X > age) == 0}
     */
    default SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        if (age <= 0) {
            return sampler(rng);
        }
        double survivalAtAge = survival(age);
        if (!(survivalAtAge > 0)) {
            throw new IllegalArgumentException(Check.format(
                "age %s is beyond the support of %s", age, describe()));
        }
        if (survivalAtAge >= ResidualSampler.REJECTION_FROM) {
            return new ResidualSampler.ByRejection(sampler(rng), age);
        }
        return new ResidualSampler(inverseSurvivalFunction(), rng, age, survivalAtAge);
    }

    /**
     * {@link #inverseSurvival} as one function made once, for a sampler that inverts many times
     * (a family backed by Commons Statistics builds its distribution here, not on every draw).
     */
    default DoubleUnaryOperator inverseSurvivalFunction() {
        return this::inverseSurvival;
    }
}
