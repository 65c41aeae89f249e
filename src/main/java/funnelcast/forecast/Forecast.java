package funnelcast.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A forecast of the horizon's wins, the same shape from either method (docs/scenario-format.md, the forecast result, and the
 * forecast result format). {@code wins} counts only wins inside the horizon; {@code pHitTarget}
 * adds {@code alreadyWon}.
 */
public record Forecast(String scenario, Method method, int horizonDays, OptionalInt target, int alreadyWon,
                       Wins wins, OptionalDouble pHitTarget, Optional<Revenue> revenue, List<Day> daily) {
    public Forecast {
        daily = List.copyOf(daily);
    }

    /**
     * The horizon's wins with those already won: the one view of a forecast that a person reads
     * (the explorer's figures, a sweep's row, a comparison's columns, the report and the text
     * table's last line). The JSON result keeps the horizon's own wins and {@code alreadyWon}
     * apart, as its format says.
     */
    public record Total(double mean, double sd, int p10, int p50, int p90, OptionalDouble pHitTarget) {
    }

    public Total total() {
        CountQuantiles q = wins.quantiles();
        return new Total(alreadyWon + wins.mean(), wins.sd(), alreadyWon + q.p10(), alreadyWon + q.p50(),
            alreadyWon + q.p90(), pHitTarget);
    }

    /** A day of the fan with those already won added, as the explorer and the comparison draw it. */
    public Day totalOn(Day d) {
        int a = alreadyWon;
        return new Day(d.day(), d.date(), a + d.mean(), a + d.p10(), a + d.p25(), a + d.p50(), a + d.p75(), a + d.p90());
    }

    /** How the numbers were made. */
    public sealed interface Method permits MonteCarlo, Exact {
        String id();
    }

    /**
     * Sampled: {@code trials} trials from {@code seed}; with {@code uncertainty}, each trial drew
     * its exit probabilities and inflow rate from their posteriors (docs/model.md, parameter uncertainty).
     */
    public record MonteCarlo(long trials, long seed, boolean uncertainty) implements Method {
        @Override
        public String id() {
            return "monte-carlo";
        }
    }

    /**
     * Computed: {@code pmfTotalVariation} bounds the total-variation distance between the
     * reported pmf and the model's true one, and {@code meanError} the error of the mean (zero
     * up to rounding for exponential dwells; the renewal grid's discretisation otherwise).
     * {@code revenueTailError} bounds the error of P(revenue >= target): the revenue grid's
     * bracket plus the win counts' total variation (NaN without a revenue target).
     */
    public record Exact(String solver, double pmfTotalVariation, double meanError, double revenueTailError)
            implements Method {
        /** Without a revenue target: no revenue tail, no error on it. */
        public Exact(String solver, double pmfTotalVariation, double meanError) {
            this(solver, pmfTotalVariation, meanError, Double.NaN);
        }

        @Override
        public String id() {
            return "exact";
        }
    }

    public record Wins(double mean, double sd, double[] pmf, CountQuantiles quantiles) {
        public Wins {
            pmf = pmf.clone();
        }

        @Override
        public double[] pmf() {
            return pmf.clone();
        }

        public double pmf(int k) {
            return k < pmf.length ? pmf[k] : 0;
        }

        public int support() {
            return pmf.length;
        }
    }

    public record CountQuantiles(int p5, int p10, int p25, int p50, int p75, int p90, int p95) {
    }

    /**
     * Revenue won in the horizon; the exact method gives mean and sd, no quantiles. {@code pHitTarget}:
     * P(revenue >= {@code target.revenue}) when the scenario has one: the share of trials that reached
     * it, or the exact method's value on its revenue grid.
     */
    public record Revenue(double mean, double sd, Optional<RevenueQuantiles> quantiles, OptionalDouble pHitTarget) {
        public Revenue(double mean, double sd, Optional<RevenueQuantiles> quantiles) {
            this(mean, sd, quantiles, OptionalDouble.empty());
        }
    }

    public record RevenueQuantiles(double p10, double p50, double p90) {
    }

    /**
     * Wins by the end of working day {@code day}. P25 and P75 serve the fan chart's 50% band;
     * the JSON result keeps the keys docs/scenario-format.md lists (mean, P10, P50, P90).
     */
    public record Day(int day, LocalDate date, double mean, int p10, int p25, int p50, int p75, int p90) {
    }
}
