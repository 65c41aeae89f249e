package funnelcast.law;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * A family whose maths is Commons Statistics' distribution of the same parameters: density,
 * cdf, survival and their inverses come from it (a family with closed forms overrides them).
 * Nothing of it holds mass at or below 0.
 */
sealed interface StatisticsLaw extends Law permits Exponential, LogNormal, Gamma, Weibull {
    /** The same law as Commons Statistics' distribution. */
    ContinuousDistribution law();

    @Override
    default double logDensity(double x) {
        return law().logDensity(x);
    }

    @Override
    default double cdf(double x) {
        return x <= 0 ? 0 : law().cumulativeProbability(x);
    }

    @Override
    default double survival(double x) {
        return x <= 0 ? 1 : law().survivalProbability(x);
    }

    @Override
    default double[] cdfs(double from, double step, int count) {
        ContinuousDistribution law = law();
        return Law.onGrid(from, step, count, x -> x <= 0 ? 0 : law.cumulativeProbability(x));
    }

    @Override
    default double[] survivals(double from, double step, int count) {
        ContinuousDistribution law = law();
        return Law.onGrid(from, step, count, x -> x <= 0 ? 1 : law.survivalProbability(x));
    }

    /** Commons Statistics' distribution made once for every point (its density and survival, as one call each gives). */
    @Override
    default Evaluation evaluation() {
        return new LawEvaluation(law());
    }

    @Override
    default double inverseCdf(double p) {
        return law().inverseCumulativeProbability(p);
    }

    @Override
    default double inverseSurvival(double p) {
        return law().inverseSurvivalProbability(p);
    }

    @Override
    default DoubleUnaryOperator inverseSurvivalFunction() {
        ContinuousDistribution law = law();
        return law::inverseSurvivalProbability;
    }

    @Override
    default double supportLowerBound() {
        return 0;
    }

    @Override
    default double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }
}
