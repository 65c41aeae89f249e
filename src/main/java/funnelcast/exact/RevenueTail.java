package funnelcast.exact;

import funnelcast.law.Law;
import funnelcast.model.PipelineDeal;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * P(revenue >= target) for the exact method. Revenue is the values of the pipeline deals won
 * (each its own value, or one drawn from the deal-value law) plus the values of the inflow's
 * wins: a Poisson count (negative binomial when the inflow factor is a Gamma variable) of
 * independent draws from the law, a compound sum solved by Panjer's recursion.
 *
 * <p>It is solved on a grid of n cells of width h = target / n, three times: with every value
 * rounded down to the grid, which gives a revenue never above the true one, rounded up, never
 * below, and rounded to the nearest cell, whose errors mostly cancel. The first two tails
 * bracket the true P(revenue >= target) for the same win counts; the third, inside the
 * bracket, is the value reported, its distance to the farther end the error. The grid is
 * refined until the bracket is {@link #GAP} wide or it has {@link #MAX_CELLS} cells (many wins
 * each rounded by up to a cell leave a wider bracket, reported as it is). Only cells below the
 * target are kept (values are not negative, so nothing above feeds them): the tail is the mass
 * that left them. A value exactly on the target (a fixed value whose multiple is the target)
 * stays between the ends at any grid.
 */
final class RevenueTail {
    /** The bracket's width at which refinement stops. */
    static final double GAP = 5e-3;
    static final int FIRST_CELLS = 1024;
    static final int MAX_CELLS = 8192;
    /** From this many cells a convolution goes through the FFT (Commons Math) rather than term by term. */
    private static final int FFT_FROM = 256;
    /** The largest -log of the Panjer recursion's first term: beyond it the sum is split into equal parts. */
    private static final double LOG_FLOOR = 600;

    private RevenueTail() {
    }

    /**
     * One month node: its weight, the inflow's expected wins in the horizon and each pipeline
     * deal's probability of winning in it (in the pipeline's order).
     */
    record Node(double weight, double inflowWins, double[] dealWin) {
    }

    /** The tail on the grid, and its bracket, mixed over the nodes. */
    record Tail(double value, Bounds bracket) {
        /** The largest distance from the value to an end of the bracket. */
        double error() {
            return Math.max(value - bracket.lower(), bracket.upper() - value);
        }
    }

    /** P(revenue >= target) mixed over the nodes: rounded to the nearest cell, inside its bracket. */
    static Tail pAtLeast(double target, Law value, double cv, List<PipelineDeal> pipeline, List<Node> nodes) {
        if (!(target > 0)) {
            return new Tail(1, Bounds.exactly(1));
        }
        // each node's count of pipeline wins drawn from the law: the same at every grid and rounding
        List<double[]> counts = nodes.stream().map(node -> drawnCount(pipeline, node)).toList();
        int cells = FIRST_CELLS;
        double lo;
        double hi;
        while (true) {
            double lower = 0;
            double upper = 0;
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                lower += node.weight() * tail(target, cells, Rounding.DOWN, value, cv, pipeline, node, counts.get(i));
                upper += node.weight() * tail(target, cells, Rounding.UP, value, cv, pipeline, node, counts.get(i));
            }
            lo = Math.min(lower, upper);
            hi = Math.max(lower, upper);
            if (hi - lo <= GAP || cells >= MAX_CELLS) {
                break;
            }
            cells *= 2;
        }
        double nearest = 0;
        for (int i = 0; i < nodes.size(); i++) {
            nearest += nodes.get(i).weight() * tail(target, cells, Rounding.NEAREST, value, cv, pipeline, nodes.get(i),
                counts.get(i));
        }
        return new Tail(Math.max(lo, Math.min(hi, nearest)), new Bounds(lo, hi));
    }

    /** How a value is put on the grid. */
    enum Rounding { DOWN, UP, NEAREST }

    /** The Poisson-binomial count of the pipeline deals without a value of their own that win at this node. */
    static double[] drawnCount(List<PipelineDeal> pipeline, Node node) {
        Convolution drawn = new Convolution();
        for (int g = 0; g < pipeline.size(); g++) {
            if (pipeline.get(g).value().isEmpty()) {
                drawn.addBinomial(pipeline.get(g).count(), node.dealWin()[g]);
            }
        }
        return drawn.pmf();
    }

    /** P(revenue >= target) with every value rounded to the grid as asked; {@code count}: the node's {@link #drawnCount}. */
    static double tail(double target, int n, Rounding rounding, Law value, double cv, List<PipelineDeal> pipeline, Node node,
                       double[] count) {
        // Rounded to the nearest, cell m stands for revenues about (m - 1/2)h to (m + 1/2)h: the target sits mid-cell
        // n - 1/2, so that "cell n or beyond" is "revenue >= target" without a half cell's bias.
        double h = rounding == Rounding.NEAREST ? target / (n - 0.5) : target / n;
        double[] f = cells(value, h, n, rounding);
        double[] revenue = compound(f, node.inflowWins(), cv);
        // the pipeline deals without a value of their own: their count of draws from the law
        if (count.length > 1) {
            revenue = convolve(revenue, horner(count, f));
        }
        // the deals with a value of their own: j of count won moves the revenue j values up
        for (int g = 0; g < pipeline.size(); g++) {
            PipelineDeal deal = pipeline.get(g);
            double q = Math.min(1, node.dealWin()[g]);
            if (deal.value().isPresent() && q > 0) {
                double v = deal.value().getAsDouble() / h;
                long shift = switch (rounding) {
                    case DOWN -> (long) Math.floor(v);
                    case UP -> (long) Math.ceil(v);
                    case NEAREST -> Math.round(v);
                };
                revenue = shifted(revenue, deal.count(), q, shift);
            }
        }
        double below = 0;
        for (double p : revenue) {
            below += p;
        }
        return Math.max(0, Math.min(1, 1 - below));
    }

    /**
     * The law on the grid's cells below the target: cell k holds P(kh < V <= (k+1)h) rounded down
     * to kh, P((k-1)h < V <= kh) rounded up, or P((k-1/2)h < V <= (k+1/2)h) rounded to the nearest.
     */
    static double[] cells(Law value, double h, int n, Rounding rounding) {
        double[] f = new double[n];
        if (rounding == Rounding.NEAREST) {
            double[] cdf = value.cdfs(h / 2, h, n);
            f[0] = cdf[0];
            for (int k = 1; k < n; k++) {
                f[k] = cdf[k] - cdf[k - 1];
            }
            return f;
        }
        double[] cdf = value.cdfs(0, h, n + 1);
        for (int k = 0; k < n; k++) {
            f[k] = rounding == Rounding.UP ? (k == 0 ? cdf[0] : cdf[k] - cdf[k - 1]) : cdf[k + 1] - cdf[k];
        }
        return f;
    }

    /**
     * The compound sum of a Poisson (cv 0) or negative binomial (shape 1/cv^2) count with this mean,
     * by Panjer's recursion: g_k = sum_j (a + b j / k) f_j g_{k-j} / (1 - a f_0). When the first term
     * would underflow, the count is split into m equal independent parts and their sum convolved.
     */
    static double[] compound(double[] f, double mean, double cv) {
        int n = f.length;
        if (!(mean > 0)) {
            double[] none = new double[n];
            none[0] = 1;
            return none;
        }
        double r = cv > 0 ? 1 / (cv * cv) : Double.POSITIVE_INFINITY;
        double logFirst = cv > 0 ? r * Math.log1p(mean / r * (1 - f[0])) : mean * (1 - f[0]);
        int parts = (int) Math.max(1, Math.ceil(logFirst / LOG_FLOOR));
        double m = mean / parts;
        double a;
        double b;
        double first;
        if (cv > 0) {
            double rPart = r / parts;
            double beta = m / rPart;
            a = beta / (1 + beta);
            b = (rPart - 1) * beta / (1 + beta);
            first = Math.exp(-rPart * Math.log1p(beta * (1 - f[0])));
        } else {
            a = 0;
            b = m;
            first = Math.exp(-m * (1 - f[0]));
        }
        double[] g = new double[n];
        g[0] = first;
        double scale = 1 / (1 - a * f[0]);
        double[] jf = new double[n];
        for (int j = 1; j < n; j++) {
            jf[j] = j * f[j];
        }
        // (a + b j / k) f_j split into two sums, so that the inner loops are plain dot products
        for (int k = 1; k < n; k++) {
            double plain = 0;
            double weighted = 0;
            for (int j = 1; j <= k; j++) {
                double gk = g[k - j];
                plain += f[j] * gk;
                weighted += jf[j] * gk;
            }
            g[k] = (a * plain + b / k * weighted) * scale;
        }
        double[] sum = g;
        for (int i = 1; i < parts; i++) {
            sum = convolve(sum, g);
        }
        return sum;
    }

    /** sum_k count[k] f^{*k} on the cells, by Horner's rule. */
    static double[] horner(double[] count, double[] f) {
        int n = f.length;
        double[] acc = new double[n];
        acc[0] = count[count.length - 1];
        for (int k = count.length - 2; k >= 0; k--) {
            acc = convolve(acc, f);
            acc[0] += count[k];
        }
        return acc;
    }

    /** The convolution of two pmfs on the same cells, cut to them: term by term when short, else by FFT at twice the length. */
    static double[] convolve(double[] x, double[] y) {
        int n = x.length;
        double[] out = new double[n];
        if (n < FFT_FROM) {
            for (int i = 0; i < n; i++) {
                double a = x[i];
                if (a == 0) {
                    continue;
                }
                for (int j = 0; i + j < n; j++) {
                    out[i + j] += a * y[j];
                }
            }
            return out;
        }
        int size = Integer.highestOneBit(2 * n - 1) << 1; // a power of two that holds the whole linear convolution
        double[][] a = {Arrays.copyOf(x, size), new double[size]};
        double[][] b = {Arrays.copyOf(y, size), new double[size]};
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.FORWARD);
        FastFourierTransformer.transformInPlace(b, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int k = 0; k < size; k++) {
            double re = a[0][k] * b[0][k] - a[1][k] * b[1][k];
            double im = a[0][k] * b[1][k] + a[1][k] * b[0][k];
            a[0][k] = re;
            a[1][k] = im;
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.INVERSE);
        System.arraycopy(a[0], 0, out, 0, n);
        return out;
    }

    /** The pmf after {@code count} deals of one value ({@code shift} cells), each won with probability q. */
    static double[] shifted(double[] x, int count, double q, long shift) {
        int n = x.length;
        double[] out = new double[n];
        BinomialDistribution wins = BinomialDistribution.of(count, q);
        for (int j = 0; j <= count; j++) {
            long by = j * shift;
            if (by >= n) {
                break;
            }
            double p = wins.probability(j);
            for (int i = 0; i + by < n; i++) {
                out[(int) (i + by)] += p * x[i];
            }
        }
        return out;
    }
}
