package funnelcast.exact;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/** The pmf of a sum of independent counts: Poisson inflow wins and Poisson-binomial pipeline wins. */
public final class Convolution {
    /** A pmf is cut where what lies beyond is below this (until its tail is below 1e-12). */
    static final double TAIL = 1e-12;
    private static final double TERM_TAIL = 1e-17;

    private double[] pmf = {1.0};

    public void addBinomial(int trials, double p) {
        if (trials == 0 || p <= 0) {
            return;
        }
        BinomialDistribution b = BinomialDistribution.of(trials, Math.min(1, p));
        double[] term = new double[trials + 1];
        for (int k = 0; k <= trials; k++) {
            term[k] = b.probability(k);
        }
        convolve(term);
    }

    public void addPoisson(double mean) {
        if (mean <= 0) {
            return;
        }
        PoissonDistribution p = PoissonDistribution.of(mean);
        int last = p.inverseSurvivalProbability(TERM_TAIL);
        double[] term = new double[last + 1];
        for (int k = 0; k <= last; k++) {
            term[k] = p.probability(k);
        }
        convolve(term);
    }

    /**
     * The inflow's wins: Poisson with this mean, or, when the inflow factor is a Gamma variable
     * with coefficient of variation {@code cv}, the Gamma-mixed Poisson, which is negative
     * binomial with shape r = 1/cv^2: P(k) = Gamma(k + r) / (k! Gamma(r)) (r/(r+m))^r (m/(r+m))^k.
     */
    public void addInflow(double mean, double cv) {
        if (cv == 0) {
            addPoisson(mean);
            return;
        }
        if (mean <= 0) {
            return;
        }
        double r = 1 / (cv * cv);
        double q = mean / (r + mean);
        // log P(0) = r log(r / (r + m)), written with log1p for small m / r
        double p0 = Math.exp(-r * Math.log1p(mean / r));
        double[] term = new double[64];
        double p = p0;
        int k = 0;
        while (true) {
            if (k == term.length) {
                term = Arrays.copyOf(term, 2 * k);
            }
            term[k] = p;
            double ratio = (k + r) / (k + 1) * q;
            p *= ratio;
            k++;
            // Past the mean the ratios stay below max(ratio, q) < 1, so the tail is below a geometric sum.
            double bound = Math.max(ratio, q);
            if (k > mean && bound < 1 && p / (1 - bound) < TERM_TAIL || p == 0 && k > mean || k >= MAX_TERMS) {
                break;
            }
        }
        convolve(Arrays.copyOf(term, k));
    }

    /** The longest negative binomial term kept: far beyond any inflow the readers accept. */
    private static final int MAX_TERMS = 50_000_000;

    /** {@code into + weight * pmf}, as long as the longer of the two: one term of a mixture. */
    static double[] mix(double[] into, double[] pmf, double weight) {
        double[] out = Arrays.copyOf(into, Math.max(into.length, pmf.length));
        for (int k = 0; k < pmf.length; k++) {
            out[k] += weight * pmf[k];
        }
        return out;
    }

    private void convolve(double[] term) {
        double[] out = new double[pmf.length + term.length - 1];
        for (int i = 0; i < pmf.length; i++) {
            double a = pmf[i];
            if (a == 0) {
                continue;
            }
            for (int j = 0; j < term.length; j++) {
                out[i + j] += a * term[j];
            }
        }
        pmf = trim(out, TERM_TAIL);
    }

    /** The pmf, cut after the first k whose upper tail P(W > k) is below 1e-12. */
    public double[] pmf() {
        return trim(pmf, TAIL);
    }

    private static double[] trim(double[] p, double tail) {
        double above = 0;
        int n = p.length;
        while (n > 1 && above + p[n - 1] < tail) {
            above += p[n - 1];
            n--;
        }
        return Arrays.copyOf(p, n);
    }
}
