package funnelcast.calibrate;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One monthly series on the log scale, {@code y[m]} with sampling variance {@code v[m]} (the
 * Poisson noise of the counts behind it), read as y = level + season(month of quarter) + u + noise
 * with u ~ N(0, tau^2) the month's own effect. The level is a recency-weighted mean (half-life in
 * months, infinite for none), the month-of-quarter terms are shrunk toward none by a N(0, 0.5^2)
 * prior, and tau^2 is estimated from one-step-ahead errors (each month forecast from the months
 * before it alone, as the backtest does) less the part that the counts' noise and the estimates'
 * own uncertainty explain, under a weak prior: tau0^2 = 0.1 worth two months.
 *
 * <p>The forecast's variance is the month's own (widened, {@link #studentWidening}), the
 * season term's, and the level's beyond what the fitted funnel already carries ({@code fitted}):
 * the months' shifts are measured against a funnel fitted on the same visits, whose sampling
 * uncertainty parameter uncertainty draws in every trial. Counted again here, it made a stationary
 * history's intervals wider than the funnel's own.
 */
final class MonthSeries {
    /** The prior month-to-month variance on the log scale (about +-30% in a typical month) and its weight in months. */
    static final double PRIOR_TAU2 = 0.1;
    static final double PRIOR_MONTHS = 2;
    /** Prior precision of a month-of-quarter term: N(0, 0.5^2). */
    static final double SEASON_PRECISION = 4;
    /** One-step-ahead forecasts need this many earlier months. */
    static final int MIN_EARLIER = 2;

    /** The fitted level and season, the month's variance, and the forecast for the target month. */
    record Fit(double level, double[] season, double tau2, double mean, double variance, int months, int scored,
               double logScore) implements Scored {
    }

    private final double[] y;
    private final double[] v;
    private final int[] position;
    /** Months since the series' first month, to weigh by recency. */
    private final int[] index;

    /** The level's variance that the fitted funnel's own parameter uncertainty already carries. */
    private final double fitted;

    MonthSeries(double[] y, double[] v, int[] position, int[] index, double fitted) {
        this.y = y;
        this.v = v;
        this.position = position;
        this.index = index;
        this.fitted = fitted;
    }

    int size() {
        return y.length;
    }

    /** Level (and its variance) and season from months [0, upTo), weighed by recency as seen from month {@code at}. */
    private Estimate estimate(int upTo, int at, double halfLife, boolean seasonal, double tau2, double[] season) {
        Arrays.fill(season, 0);
        // each month's weight, the same in every pass: computed once (a power per month, not per month and pass)
        double[] weight = new double[upTo];
        for (int m = 0; m < upTo; m++) {
            weight[m] = recency(at - index[m], halfLife) / (v[m] + tau2);
        }
        double level = 0;
        double levelWeight = 0;
        for (int pass = 0; pass < (seasonal ? 20 : 1); pass++) {
            double num = 0;
            double den = 0;
            for (int m = 0; m < upTo; m++) {
                double w = weight[m];
                num += w * (y[m] - season[position[m]]);
                den += w;
            }
            level = num / den;
            levelWeight = den;
            if (seasonal) {
                double[] sn = new double[3];
                double[] sd = new double[3];
                for (int m = 0; m < upTo; m++) {
                    double w = weight[m];
                    sn[position[m]] += w * (y[m] - level);
                    sd[position[m]] += w;
                }
                for (int j = 0; j < 3; j++) {
                    season[j] = sn[j] / (sd[j] + SEASON_PRECISION);
                }
            }
        }
        return new Estimate(level, 1 / levelWeight);
    }

    private double seasonVariance(int upTo, int at, double halfLife, double tau2, int pos) {
        double sd = 0;
        for (int m = 0; m < upTo; m++) {
            if (position[m] == pos) {
                sd += recency(at - index[m], halfLife) / (v[m] + tau2);
            }
        }
        return 1 / (sd + SEASON_PRECISION);
    }

    /** A variance seen over {@code scored} months, pooled with a prior value worth {@link #PRIOR_MONTHS} months. */
    static double withPrior(int scored, double observed, double prior) {
        return (scored * observed + PRIOR_MONTHS * prior) / (scored + PRIOR_MONTHS);
    }

    static double recency(int monthsAgo, double halfLife) {
        return Double.isInfinite(halfLife) ? 1 : Math.pow(0.5, monthsAgo / halfLife);
    }

    /**
     * Fits the series for a target month ({@code targetIndex}, quarter position {@code targetPos}):
     * tau^2 from one-step-ahead errors, then the level and season from every month.
     */
    Fit fit(int targetIndex, int targetPos, double halfLife, boolean seasonal) {
        return fit(targetIndex, targetPos, halfLife, seasonal, true);
    }

    /** The same, with the month's own variance fixed at 0 unless {@code monthVariance}. */
    Fit fit(int targetIndex, int targetPos, double halfLife, boolean seasonal, boolean monthVariance) {
        double tau2 = monthVariance ? PRIOR_TAU2 : 0;
        double[] season = new double[3];
        double logScore = 0;
        int scored = 0;
        for (int iteration = 0; iteration < 8; iteration++) {
            double excess = 0;
            double weight = 0;
            logScore = 0;
            scored = 0;
            for (int m = MIN_EARLIER; m < y.length; m++) {
                Estimate e = estimate(m, index[m], halfLife, seasonal, tau2, season);
                double pred = e.value() + (seasonal ? season[position[m]] : 0);
                double predVar = e.variance() + (seasonal ? seasonVariance(m, index[m], halfLife, tau2, position[m]) : 0);
                double err = y[m] - pred;
                double w = recency(targetIndex - index[m], halfLife);
                excess += w * (err * err - v[m] - predVar);
                weight += w;
                double total = v[m] + predVar + tau2;
                logScore += 0.5 * (Math.log(2 * Math.PI * total) + err * err / total);
                scored++;
            }
            if (!monthVariance) {
                break;
            }
            double observed = weight > 0 ? Math.max(0, excess / weight) : 0;
            double next = withPrior(scored, observed, PRIOR_TAU2);
            if (Math.abs(next - tau2) < 1e-6) {
                tau2 = next;
                break;
            }
            tau2 = next;
        }
        if (y.length == 0) {
            return new Fit(Double.NaN, season, tau2, Double.NaN, Double.NaN, 0, 0, 0);
        }
        Estimate e = estimate(y.length, targetIndex, halfLife, seasonal, tau2, season);
        double mean = e.value() + (seasonal ? season[targetPos] : 0);
        double variance = tau2 * studentWidening(scored) + Math.max(0, e.variance() - fitted)
            + (seasonal ? seasonVariance(y.length, targetIndex, halfLife, tau2, targetPos) : 0);
        return new Fit(e.value(), season.clone(), tau2, mean, variance, y.length, scored, logScore);
    }

    /**
     * tau^2 is itself estimated from few months: with its uncertainty the month's own effect is a
     * Student t with {@code scored + PRIOR_MONTHS} degrees of freedom, not a normal. The shift
     * stays normal (the exact method integrates a normal), with tau^2 widened so that its central
     * 80% interval is the t's: (t_nu(0.9) / z(0.9))^2. A long history leaves it near 1, and a
     * history with no month effects (tau^2 near 0) is hardly touched.
     */
    static double studentWidening(int scored) {
        double nu = scored + PRIOR_MONTHS;
        double ratio = TDistribution.of(nu).inverseCumulativeProbability(0.9)
            / NormalDistribution.of(0, 1).inverseCumulativeProbability(0.9);
        return ratio * ratio;
    }
}
