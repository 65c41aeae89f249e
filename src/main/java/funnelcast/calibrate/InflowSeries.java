package funnelcast.calibrate;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * New deals month by month, {@code n[m]} over {@code days[m]} working days, read as
 * n ~ Poisson(rate x season(month of quarter) x G x days) with G a Gamma month factor of mean 1
 * and variance cv^2: the negative binomial. Unlike a log-scale series, a month with no new
 * deals at all (a funnel that stopped) is an ordinary value here. The rate is a recency-weighted
 * mean (half-life in months), each month-of-quarter factor a ratio shrunk toward 1 by a prior
 * worth one average month, and cv^2 comes from one-step-ahead errors (each month forecast from
 * those before it) by moments, less the Poisson part and the estimate's own, under a weak prior:
 * cv0^2 = 0.1 worth two months. The forecast's cv adds the rate estimate's own relative variance
 * beyond the fitted funnel's ({@code fitted}, 1/(deals + 1/2) of its observed inflow, which
 * parameter uncertainty draws already): what recency weighting costs.
 */
final class InflowSeries {
    static final double PRIOR_CV2 = 0.1;

    /** The rate a working day, season factors, cv^2 and the target month's factor with its cv. */
    record Fit(double rate, double[] season, double cv2, double factor, double forecastCv, int months, int scored,
               double logScore) implements Scored {
    }

    private final double[] n;
    private final double[] days;
    private final int[] position;
    private final int[] index;
    /** The rate's relative variance that the fitted funnel's own parameter uncertainty already carries. */
    private final double fitted;

    InflowSeries(double[] n, double[] days, int[] position, int[] index, double fitted) {
        this.n = n;
        this.days = days;
        this.position = position;
        this.index = index;
        this.fitted = fitted;
    }

    /** Rate, its relative variance, and season factors from months [0, upTo), seen from month {@code at}. */
    private Estimate estimate(int upTo, int at, double halfLife, boolean seasonal, double[] season) {
        Arrays.fill(season, 1);
        double deals = 0;
        double time = 0;
        for (int m = 0; m < upTo; m++) {
            double w = MonthSeries.recency(at - index[m], halfLife);
            deals += w * n[m];
            time += w * days[m];
        }
        double rate = (deals + 0.5) / time;
        if (seasonal) {
            double[] seen = new double[3];
            double[] expected = new double[3];
            for (int m = 0; m < upTo; m++) {
                double w = MonthSeries.recency(at - index[m], halfLife);
                seen[position[m]] += w * n[m];
                expected[position[m]] += w * rate * days[m];
            }
            double prior = rate * time / Math.max(1, upTo); // one average month
            for (int j = 0; j < 3; j++) {
                season[j] = (seen[j] + prior) / (expected[j] + prior);
            }
        }
        return new Estimate(rate, 1 / (deals + 0.5));
    }

    /** The negative binomial log-likelihood of k with mean mu and cv^2 (Poisson when cv^2 is 0). */
    static double logLikelihood(double k, double mu, double cv2) {
        if (cv2 <= 1e-12) {
            return k * Math.log(mu) - mu - LogGamma.value(k + 1);
        }
        double r = 1 / cv2;
        return LogGamma.value(k + r) - LogGamma.value(r) - LogGamma.value(k + 1) + r * Math.log(r / (r + mu))
            + k * Math.log(mu / (r + mu));
    }

    Fit fit(int targetIndex, int targetPos, double halfLife, boolean seasonal) {
        return fit(targetIndex, targetPos, halfLife, seasonal, true);
    }

    /** The same, with the month factor fixed at 1 (cv 0) unless {@code monthVariance}. */
    Fit fit(int targetIndex, int targetPos, double halfLife, boolean seasonal, boolean monthVariance) {
        double[] season = new double[3];
        double cv2 = monthVariance ? PRIOR_CV2 : 0;
        double logScore = 0;
        int scored = 0;
        for (int iteration = 0; iteration < 8; iteration++) {
            double excess = 0;
            double weight = 0;
            logScore = 0;
            scored = 0;
            for (int m = MonthSeries.MIN_EARLIER; m < n.length; m++) {
                Estimate e = estimate(m, index[m], halfLife, seasonal, season);
                double mu = Math.max(1e-9, e.value() * season[position[m]] * days[m]);
                double err = n[m] - mu;
                double w = MonthSeries.recency(targetIndex - index[m], halfLife);
                excess += w * (err * err - mu - mu * mu * e.variance());
                weight += w * mu * mu;
                // the predictive law also carries the estimate's own uncertainty
                logScore -= logLikelihood(n[m], mu, cv2 + e.variance());
                scored++;
            }
            if (!monthVariance) {
                break;
            }
            double observed = weight > 0 ? Math.max(0, excess / weight) : 0;
            double next = MonthSeries.withPrior(scored, observed, PRIOR_CV2);
            boolean settled = Math.abs(next - cv2) < 1e-6;
            cv2 = next;
            if (settled) {
                break;
            }
        }
        Estimate e = estimate(n.length, targetIndex, halfLife, seasonal, season);
        double factor = e.value() * (seasonal ? season[targetPos] : 1);
        return new Fit(e.value(), season.clone(), cv2, factor, Math.sqrt(cv2 + Math.max(0, e.variance() - fitted)), n.length, scored,
            logScore);
    }
}
