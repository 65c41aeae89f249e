package funnelcast.forecast;

/**
 * Summaries of a count's distribution. The q-quantile is the smallest k with P(W <= k) >= q
 * (docs/scenario-format.md, the forecast result); the cumulative sum is compared with a relative slack of 1e-12 so that a
 * cdf summed in floating point to 0.49999999999999994 still counts as 0.5.
 */
public final class Pmf {
    static final double CDF_SLACK = 1e-12;

    private Pmf() {
    }

    public static int quantile(double[] pmf, double q) {
        double cum = 0;
        for (int k = 0; k < pmf.length; k++) {
            cum += pmf[k];
            if (cum >= q - CDF_SLACK) {
                return k;
            }
        }
        return pmf.length - 1;
    }

    /** Quantile from integer counts over {@code n} trials: exact, no rounding. */
    public static int quantile(long[] counts, long n, double q) {
        long cum = 0;
        for (int k = 0; k < counts.length; k++) {
            cum += counts[k];
            if (cum >= q * n - CDF_SLACK * n) {
                return k;
            }
        }
        return counts.length - 1;
    }

    public static double tail(double[] pmf, int from) {
        double t = 0;
        for (int k = Math.max(0, from); k < pmf.length; k++) {
            t += pmf[k];
        }
        return Math.min(1, Math.max(0, t));
    }

    public static Forecast.CountQuantiles quantiles(double[] pmf) {
        return new Forecast.CountQuantiles(quantile(pmf, 0.05), quantile(pmf, 0.10), quantile(pmf, 0.25),
            quantile(pmf, 0.50), quantile(pmf, 0.75), quantile(pmf, 0.90), quantile(pmf, 0.95));
    }

    public static Forecast.CountQuantiles quantiles(long[] counts, long n) {
        return new Forecast.CountQuantiles(quantile(counts, n, 0.05), quantile(counts, n, 0.10),
            quantile(counts, n, 0.25), quantile(counts, n, 0.50), quantile(counts, n, 0.75),
            quantile(counts, n, 0.90), quantile(counts, n, 0.95));
    }
}
