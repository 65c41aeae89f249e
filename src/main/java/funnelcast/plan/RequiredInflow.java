package funnelcast.plan;

import funnelcast.InputException;
import funnelcast.exact.ExactMethod;
import funnelcast.exact.PeriodWins;
import funnelcast.model.Funnel;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The smallest daily inflow that reaches the target with probability {@code confidence} this
 * period (spec section 6). Inflow wins are Poisson with mean {@code lambda * I}, the pipeline's
 * wins have a fixed pmf, so {@code P(hit | lambda)} is a short sum, continuous and increasing in
 * lambda. The root of {@code P(hit | lambda) = confidence} is bracketed by doubling, then found by
 * Commons Math's bracketing Brent solver to 1e-10 relative, on the side where P(hit) reaches the
 * confidence. Where new deals cannot close before the horizon
 * ends ({@code I = 0}), no inflow helps: {@code reachable} is false and {@code bestPHit} is what
 * the pipeline alone gives.
 */
public record RequiredInflow(double confidence, boolean reachable, double inflowPerDay, double perRepPerDay,
                             double pHitAtRequired, double bestPHit) {
    static final double RELATIVE_TOLERANCE = 1e-10;
    private static final int MAX_EVALUATIONS = 1000;

    /** Wins still needed: the target less the wins already booked. */
    public static RequiredInflow solve(PeriodWins period, int needed, double confidence, double reps) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InputException("confidence must lie strictly between 0 and 1, got " + confidence);
        }
        double atZero = pHit(period, needed, 0);
        if (atZero >= confidence) {
            return new RequiredInflow(confidence, true, 0, reps > 0 ? 0 : Double.NaN, atZero, 1);
        }
        double integral = period.inflowIntegral().mid();
        if (!(integral > 0)) {
            return new RequiredInflow(confidence, false, Double.NaN, Double.NaN, Double.NaN, atZero);
        }
        double lo = 0;
        double hi = Math.max(1e-9, needed / integral);
        while (pHit(period, needed, hi) < confidence) {
            lo = hi;
            hi *= 2;
        }
        UnivariateFunction gap = lambda -> pHit(period, needed, lambda) - confidence;
        hi = new BracketingNthOrderBrentSolver(RELATIVE_TOLERANCE, 1e-300, 5)
            .solve(MAX_EVALUATIONS, gap, lo, hi, AllowedSolution.ABOVE_SIDE);
        return new RequiredInflow(confidence, true, hi, reps > 0 ? hi / reps : Double.NaN,
            pHit(period, needed, hi), 1);
    }

    /**
     * The new deals a day the scenario's target needs at the confidence (exact, on this grid); empty
     * without a target or where no inflow reaches it.
     */
    public static OptionalDouble forTarget(Funnel funnel, double confidence, int stepsPerDay) {
        if (funnel.scenario().target().wins().isEmpty()) {
            return OptionalDouble.empty();
        }
        return forTarget(funnel, confidence, ExactMethod.period(funnel, stepsPerDay));
    }

    /** The same from the period's pieces already solved ({@link ExactMethod#solve}). */
    public static OptionalDouble forTarget(Funnel funnel, double confidence, PeriodWins period) {
        var target = funnel.scenario().target();
        if (target.wins().isEmpty()) {
            return OptionalDouble.empty();
        }
        RequiredInflow r = solve(period,
            target.wins().getAsInt() - target.alreadyWon(), confidence, funnel.scenario().inflow().reps());
        return r.reachable() ? OptionalDouble.of(r.inflowPerDay()) : OptionalDouble.empty();
    }

    /** P(pipeline wins + Poisson(lambda I) >= needed). */
    public static double pHit(PeriodWins period, int needed, double lambda) {
        if (needed <= 0) {
            return 1;
        }
        double[] pipeline = period.pipelinePmf();
        double mean = lambda * period.inflowIntegral().mid();
        PoissonDistribution inflow = mean > 0 ? PoissonDistribution.of(mean) : null;
        double p = 0;
        for (int k = 0; k < pipeline.length; k++) {
            int rest = needed - k;
            double inflowReaches = rest <= 0 ? 1 : inflow == null ? 0 : inflow.survivalProbability(rest - 1);
            p += pipeline[k] * inflowReaches;
        }
        return Math.min(1, p);
    }
}
