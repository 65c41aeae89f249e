package funnelcast.plan;

import funnelcast.InputException;
import funnelcast.exact.PeriodWins;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The smallest daily inflow that reaches the target with probability {@code confidence} this
 * period (spec section 6). Inflow wins are Poisson with mean {@code lambda * I}, the pipeline's
 * wins have a fixed pmf, so {@code P(hit | lambda)} is a short sum, increasing in lambda, and the
 * root is found by bisection to 1e-10 relative. Where new deals cannot close before the horizon
 * ends ({@code I = 0}), no inflow helps: {@code reachable} is false and {@code bestPHit} is what
 * the pipeline alone gives.
 */
public record RequiredInflow(double confidence, boolean reachable, double inflowPerDay, double perRepPerDay,
                             double pHitAtRequired, double bestPHit) {
    static final double RELATIVE_TOLERANCE = 1e-10;

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
        while (hi - lo > RELATIVE_TOLERANCE * hi) {
            double mid = lo + (hi - lo) / 2;
            if (pHit(period, needed, mid) >= confidence) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new RequiredInflow(confidence, true, hi, reps > 0 ? hi / reps : Double.NaN,
            pHit(period, needed, hi), 1);
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
