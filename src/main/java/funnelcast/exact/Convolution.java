package funnelcast.exact;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/** The pmf of a sum of independent counts: Poisson inflow wins and Poisson-binomial pipeline wins. */
public final class Convolution {
    /** A pmf is cut where what lies beyond is below this (spec: until its tail is below 1e-12). */
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
