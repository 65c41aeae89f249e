package funnelcast.engine;

import java.io.Serializable;

/**
 * Revenue per trial in log-spaced buckets, so that quantiles cost fixed memory whatever the
 * trial count and merge exactly (integer counts) whatever the thread count. A bucket spans a
 * factor of 2^(1/1024) (0.07%); a quantile is reported as its bucket's midpoint, within 0.035%
 * of the empirical quantile. Zero revenue has a bucket of its own.
 */
final class RevenueHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final int MANTISSA_BITS = 10;
    private static final int MIN_EXPONENT = -20;
    private static final int MAX_EXPONENT = 62;
    private static final int BUCKETS = 1 + (MAX_EXPONENT - MIN_EXPONENT + 1 << MANTISSA_BITS);

    private final long[] counts = new long[BUCKETS];

    void add(double revenue) {
        counts[bucket(revenue)]++;
    }

    void addAll(RevenueHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
    }

    static int bucket(double v) {
        if (!(v > 0)) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) (bits >>> 52) - 1023;
        if (exponent < MIN_EXPONENT) {
            return 1;
        }
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int mantissa = (int) (bits >>> (52 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1);
        return 1 + ((exponent - MIN_EXPONENT) << MANTISSA_BITS) + mantissa;
    }

    static double midpoint(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        int i = bucket - 1;
        int exponent = (i >>> MANTISSA_BITS) + MIN_EXPONENT;
        int mantissa = i & ((1 << MANTISSA_BITS) - 1);
        double lo = Math.scalb(1.0 + (double) mantissa / (1 << MANTISSA_BITS), exponent);
        double hi = Math.scalb(1.0 + (double) (mantissa + 1) / (1 << MANTISSA_BITS), exponent);
        return (lo + hi) / 2;
    }

    /** Smallest bucket value r with P(R <= r) >= q over n trials. */
    double quantile(long n, double q) {
        long cum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            cum += counts[b];
            if (cum > 0 && cum >= q * n - 1e-12 * n) {
                return midpoint(b);
            }
        }
        return 0;
    }
}
