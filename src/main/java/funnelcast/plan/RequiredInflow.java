package funnelcast.plan;

import funnelcast.InputException;
import funnelcast.exact.ExactMethod;
import funnelcast.exact.HorizonWins;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The smallest daily inflow that reaches the target with probability {@code confidence} this
 * horizon. Inflow wins are Poisson with mean {@code lambda * I}, the pipeline's wins have a fixed
 * pmf, so {@code P(hit | lambda)} is a short sum, continuous and increasing in lambda. The root of
 * {@code P(hit | lambda) = confidence} is bracketed by doubling, then found by Commons Math's
 * bracketing Brent solver to 1e-10 relative, on the side where P(hit) reaches the confidence.
 *
 * <p>No root is reported that the model does not hold: where the grid cannot show that a new deal
 * closes before the horizon ends (the lower bound of I is 0, as it is wherever the quickest path
 * to a win is longer than the horizon), or where the root lies beyond the most new deals a
 * forecast follows ({@link Inflow#MAX_PER_HORIZON}), {@code reachable} is false, {@code reason}
 * says why in numbers, and {@code bestPHit} is the best P(hit) an inflow the model follows gives
 * (the pipeline's alone in the first case).
 *
 * <p>Where the inflow is given per rep, {@code perRepPerDay} is the inflow shared by today's head
 * count, and {@code wholeReps} the ramped reps it takes in whole people (rounded up, each at
 * today's rate per rep) with {@code pHitAtWholeReps} the P(hit) they give; 0 and NaN otherwise.
 */
public record RequiredInflow(double confidence, boolean reachable, double inflowPerDay, double perRepPerDay,
                             int wholeReps, double pHitAtWholeReps, double pHitAtRequired, double bestPHit,
                             String reason) {
    static final double RELATIVE_TOLERANCE = 1e-10;
    private static final int MAX_EVALUATIONS = 1000;

    /** Wins still needed: the target less the wins already booked. */
    public static RequiredInflow solve(HorizonWins horizonWins, int needed, double confidence, Inflow inflow) {
        double reps = inflow.reps();
        if (!(confidence > 0 && confidence < 1)) {
            throw new InputException("confidence must lie strictly between 0 and 1, got " + confidence);
        }
        double atZero = pHit(horizonWins, needed, 0);
        if (atZero >= confidence) {
            return new RequiredInflow(confidence, true, 0, reps > 0 ? 0 : Double.NaN, 0, reps > 0 ? atZero : Double.NaN,
                atZero, 1, "");
        }
        if (!(horizonWins.inflowIntegral().lower() > 0)) {
            return unreachable(confidence, atZero, noNewDealCloses(horizonWins));
        }
        double most = Inflow.MAX_PER_HORIZON / horizonWins.horizonDays();
        double atMost = pHit(horizonWins, needed, most);
        if (atMost < confidence) {
            return unreachable(confidence, atMost, String.format(Locale.ROOT,
                "it would take more than %,.0f new deals a day (P(hit) = %.3f there), the most a forecast follows",
                most, atMost));
        }
        double lo = 0;
        double hi = Math.min(most, Math.max(1e-9, needed / horizonWins.inflowIntegral().mid()));
        while (pHit(horizonWins, needed, hi) < confidence) {
            lo = hi;
            hi = Math.min(most, 2 * hi);
        }
        UnivariateFunction gap = lambda -> pHit(horizonWins, needed, lambda) - confidence;
        hi = new BracketingNthOrderBrentSolver(RELATIVE_TOLERANCE, 1e-300, 5)
            .solve(MAX_EVALUATIONS, gap, lo, hi, AllowedSolution.ABOVE_SIDE);
        int whole = 0;
        double atWhole = Double.NaN;
        if (reps > 0) {
            double each = inflow.perRepPerDay();
            whole = (int) Math.min(Integer.MAX_VALUE, Math.ceil(hi / each - 1e-9));
            atWhole = pHit(horizonWins, needed, whole * each);
        }
        return new RequiredInflow(confidence, true, hi, reps > 0 ? hi / reps : Double.NaN, whole, atWhole,
            pHit(horizonWins, needed, hi), 1, "");
    }

    private static RequiredInflow unreachable(double confidence, double best, String reason) {
        return new RequiredInflow(confidence, false, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, best, reason);
    }

    /** Why new deals add no win this horizon, in numbers. */
    private static String noNewDealCloses(HorizonWins horizonWins) {
        double quickest = horizonWins.quickestWin();
        int horizon = horizonWins.horizonDays();
        if (quickest == Double.POSITIVE_INFINITY) {
            return "no path from the entry stage leads to a win";
        }
        if (quickest >= horizon) {
            return String.format(Locale.ROOT, "the quickest path to a win takes %s working days; the horizon holds %d",
                days(quickest), horizon);
        }
        return String.format(Locale.ROOT, "a new deal can close only in the last %s working days of the horizon, "
            + "closer to its end than the grid resolves (%s); run with more --grid-steps", days(horizon - quickest),
            horizonWins.solver());
    }

    /** Working days as a reader writes them: 15.5, 14, 0.25. */
    private static String days(double d) {
        return BigDecimal.valueOf(Math.round(d * 100) / 100.0).stripTrailingZeros().toPlainString();
    }

    /**
     * The new deals a day the scenario's target needs at the confidence (exact, on this grid); empty
     * without a target or where no inflow reaches it.
     */
    public static OptionalDouble forTarget(Funnel funnel, double confidence, int stepsPerDay) {
        if (funnel.scenario().target().wins().isEmpty()) {
            return OptionalDouble.empty();
        }
        return forTarget(funnel, confidence, ExactMethod.horizonWins(funnel, stepsPerDay));
    }

    /** The same from the horizon's pieces already solved ({@link ExactMethod#solve}). */
    public static OptionalDouble forTarget(Funnel funnel, double confidence, HorizonWins horizonWins) {
        var target = funnel.scenario().target();
        if (target.wins().isEmpty()) {
            return OptionalDouble.empty();
        }
        RequiredInflow r = solve(horizonWins,
            target.wins().getAsInt() - target.alreadyWon(), confidence, funnel.scenario().inflow());
        return r.reachable() ? OptionalDouble.of(r.inflowPerDay()) : OptionalDouble.empty();
    }

    /** P(pipeline wins + Poisson(lambda I) >= needed). */
    public static double pHit(HorizonWins horizonWins, int needed, double lambda) {
        if (needed <= 0) {
            return 1;
        }
        double[] pipeline = horizonWins.pipelinePmf();
        double mean = lambda * horizonWins.inflowIntegral().mid();
        PoissonDistribution inflow = mean > 0 ? PoissonDistribution.of(mean) : null;
        double p = 0;
        for (int k = 0; k < pipeline.length; k++) {
            int rest = needed - k;
            double inflowReaches = rest <= 0 ? 1 : inflow == null ? 0 : inflow.survivalProbability(rest - 1);
            p += pipeline[k] * inflowReaches;
        }
        return Math.min(1, Math.max(0, p));
    }
}
