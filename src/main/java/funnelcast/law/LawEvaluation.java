package funnelcast.law;

import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * Commons Statistics' distribution made once for every point: its log density and survival as
 * one call each gives them. A family with a closed form over exactly observed values overrides
 * {@link #logLikelihood}.
 */
class LawEvaluation implements Law.Evaluation {
    final ContinuousDistribution law;

    LawEvaluation(ContinuousDistribution law) {
        this.law = law;
    }

    @Override
    public double logDensity(double x) {
        return law.logDensity(x);
    }

    @Override
    public double survival(double x) {
        return x <= 0 ? 1 : law.survivalProbability(x);
    }
}
