package funnelcast.exact;

import funnelcast.model.Funnel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The renewal recursion of one grid scheme, for k = 0..steps:
 * {@code f[s][k] = clip01(T (w[s][k] + sum over links s <- d of sum_{j >= 1} K[j] f[d][k - j]))},
 * with {@code T = (I - A0)^-1} the lag-0 inverse (or none) and a link's kernel K the grid masses
 * of the exits from s into d, weighted by their probabilities.
 *
 * <p>Summed directly the convolutions cost {@code O(N^2)} for N steps, which was all of the
 * exact method's time. Here they are summed by divide and conquer (the online convolution of
 * Hairer, Lubich and Schlichte, 1985): to solve [lo, hi), solve its first half, add the first
 * half's contributions to the second half at once by FFT (Commons Math), then solve the second
 * half; blocks of {@link #BASE} steps are summed directly. Every step still sees every earlier
 * step through the same kernel, only the order of the additions changes: {@code O(N log^2 N)},
 * with rounding at the level of 1e-15, far below the grid's bound.
 *
 * <p>The contributions of a block x of length L to the next L steps need only a circular
 * convolution of length 2L (lags run from 1 to 2L - 1 and never wrap), and a kernel's transform
 * at each block length is computed once and kept.
 */
final class RenewalSolver {
    /** Steps summed directly: below this an FFT costs more than it saves. */
    static final int BASE = 64;

    private final int stages;
    private final int[] from;
    private final int[] to;
    private final double[][] kernel;
    private final double[][] inverse;
    /** Block length L -> each link's kernel transform at length 2L, [link][re, im][2L]. */
    private final Map<Integer, double[][][]> spectra = new HashMap<>();
    /** The stages some link leaves (sources) and enters (dests). */
    private final int[] sources;
    private final int[] dests;

    /** {@code links}: {source stage, destination stage}; {@code kernels[l][j]}: link l's kernel, j = 0.. (0 is ignored). */
    RenewalSolver(int stages, List<int[]> links, List<double[]> kernels, double[][] inverse) {
        this.stages = stages;
        this.from = links.stream().mapToInt(l -> l[0]).toArray();
        this.to = links.stream().mapToInt(l -> l[1]).toArray();
        this.kernel = kernels.toArray(double[][]::new);
        this.inverse = inverse;
        this.sources = Arrays.stream(from).distinct().sorted().toArray();
        this.dests = Arrays.stream(to).distinct().sorted().toArray();
    }

    /** The links of a scheme: each open stage's exits into open stages, those into the same stage merged. */
    static RenewalSolver of(Funnel funnel, double[][][] mass, double[][] inverse) {
        int stages = funnel.stageCount();
        List<int[]> links = new ArrayList<>();
        List<double[]> kernels = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            double[][] byDest = new double[stages][];
            for (int e = 0; e < funnel.exitCount(s); e++) {
                int d = funnel.dest(s, e);
                if (d >= stages) {
                    continue;
                }
                if (byDest[d] == null) {
                    byDest[d] = new double[mass[s][e].length];
                    links.add(new int[] {s, d});
                    kernels.add(byDest[d]);
                }
                double p = funnel.prob(s, e);
                double[] m = mass[s][e];
                double[] k = byDest[d];
                for (int j = 0; j < m.length; j++) {
                    k[j] += p * m[j];
                }
            }
        }
        return new RenewalSolver(stages, links, kernels, inverse);
    }

    /** f[s][k], k = 0..steps, given the direct terms {@code w[s][k]} (the exits into won). */
    double[][] solve(double[][] w, int steps) {
        int size = 1;
        while (size < steps + 1) {
            size <<= 1;
        }
        Run run = new Run(w, steps, size);
        run.solve(0, size);
        double[][] f = new double[stages][];
        for (int s = 0; s < stages; s++) {
            f[s] = Arrays.copyOf(run.f[s], steps + 1);
        }
        return f;
    }

    private final class Run {
        final double[][] w;
        final int steps;
        final double[][] f;
        final double[][] acc;
        final double[] rhs = new double[stages];

        Run(double[][] w, int steps, int size) {
            this.w = w;
            this.steps = steps;
            this.f = new double[stages][size];
            this.acc = new double[stages][size];
        }

        void solve(int lo, int hi) {
            if (lo > steps) {
                return;
            }
            if (hi - lo <= BASE) {
                direct(lo, Math.min(hi, steps + 1));
                return;
            }
            int mid = (lo + hi) >>> 1;
            solve(lo, mid);
            if (mid <= steps) {
                spread(lo, mid);
            }
            solve(mid, hi);
        }

        /** Steps lo..end-1: what earlier blocks gave (acc) plus this block's own lags, summed directly. */
        void direct(int lo, int end) {
            for (int k = lo; k < end; k++) {
                for (int s = 0; s < stages; s++) {
                    rhs[s] = w[s][k] + acc[s][k];
                }
                for (int l = 0; l < from.length; l++) {
                    double[] m = kernel[l];
                    double[] fd = f[to[l]];
                    int last = Math.min(k - lo, m.length - 1);
                    double sum = 0;
                    for (int j = 1; j <= last; j++) {
                        sum += m[j] * fd[k - j];
                    }
                    rhs[from[l]] += sum;
                }
                point(k);
            }
        }

        /**
         * f[.][k] from rhs: through the lag-0 inverse where there is one. (The two cases are two
         * loops, not a null test inside one: JDK 17.0.15's C2 hoisted that test's array loads out
         * of the loop and read a null array, a crash seen here.)
         */
        private void point(int k) {
            double[][] t = inverse;
            if (t == null) {
                for (int s = 0; s < stages; s++) {
                    f[s][k] = Math.min(1, Math.max(0, rhs[s]));
                }
                return;
            }
            for (int s = 0; s < stages; s++) {
                double[] row = t[s];
                double v = 0;
                for (int d = 0; d < stages; d++) {
                    v += row[d] * rhs[d];
                }
                f[s][k] = Math.min(1, Math.max(0, v));
            }
        }

        /** Adds the contributions of steps [lo, mid) to steps [mid, 2 mid - lo), by FFT. */
        void spread(int lo, int mid) {
            int half = mid - lo;
            int n = 2 * half;
            double[][][] k = spectrum(half);
            double[][][] x = new double[stages][][];
            for (int i = 0; i < dests.length; i += 2) {
                int a = dests[i];
                int b = i + 1 < dests.length ? dests[i + 1] : -1;
                double[][][] pair = forwardPair(f[a], b < 0 ? null : f[b], lo, half, n);
                x[a] = pair[0];
                if (b >= 0) {
                    x[b] = pair[1];
                }
            }
            for (int i = 0; i < sources.length; i += 2) {
                int a = sources[i];
                int b = i + 1 < sources.length ? sources[i + 1] : -1;
                // y_a + i y_b: both real, so one inverse transform gives both
                double[][] w = new double[2][n];
                addSpectrum(w, a, k, x, false);
                if (b >= 0) {
                    addSpectrum(w, b, k, x, true);
                }
                FastFourierTransformer.transformInPlace(w, DftNormalization.STANDARD, TransformType.INVERSE);
                add(acc[a], w[0], lo, half, Math.min(n, steps + 1 - lo));
                if (b >= 0) {
                    add(acc[b], w[1], lo, half, Math.min(n, steps + 1 - lo));
                }
            }
        }

        /** acc[lo + t] += y[t] for t in [from, to). */
        private static void add(double[] acc, double[] y, int lo, int from, int to) {
            for (int t = from; t < to; t++) {
                acc[lo + t] += y[t];
            }
        }

        /** Adds source s's spectrum (the sum over its links of kernel times block) to w, times i when {@code imaginary}. */
        private void addSpectrum(double[][] w, int s, double[][][] k, double[][][] x, boolean imaginary) {
            int n = w[0].length;
            for (int l = 0; l < from.length; l++) {
                if (from[l] != s) {
                    continue;
                }
                double[] kr = k[l][0];
                double[] ki = k[l][1];
                double[] xr = x[to[l]][0];
                double[] xi = x[to[l]][1];
                // times i: (re + i im) i = -im + i re
                double[] wr = imaginary ? w[1] : w[0];
                double[] wi = imaginary ? w[0] : w[1];
                double sign = imaginary ? -1 : 1;
                for (int i = 0; i < n; i++) {
                    wr[i] += kr[i] * xr[i] - ki[i] * xi[i];
                    wi[i] += sign * (kr[i] * xi[i] + ki[i] * xr[i]);
                }
            }
        }
    }

    /**
     * The spectra at length n of two real sequences, {@code a[from..from+len)} and {@code b}'s
     * (or none), zero-padded, from one complex transform of {@code a + i b}:
     * {@code A_k = (Z_k + conj Z_{n-k}) / 2}, {@code B_k = (Z_k - conj Z_{n-k}) / 2i}.
     */
    static double[][][] forwardPair(double[] a, double[] b, int from, int len, int n) {
        double[][] z = new double[2][n];
        System.arraycopy(a, from, z[0], 0, len);
        if (b != null) {
            System.arraycopy(b, from, z[1], 0, len);
        }
        FastFourierTransformer.transformInPlace(z, DftNormalization.STANDARD, TransformType.FORWARD);
        double[] re = z[0];
        double[] im = z[1];
        double[][] sa = new double[2][n];
        for (int k = 0; k < n; k++) {
            int m = (n - k) & (n - 1);
            sa[0][k] = 0.5 * (re[k] + re[m]);
            sa[1][k] = 0.5 * (im[k] - im[m]);
        }
        if (b == null) {
            return new double[][][] {sa, null};
        }
        double[][] sb = new double[2][n];
        for (int k = 0; k < n; k++) {
            int m = (n - k) & (n - 1);
            sb[0][k] = 0.5 * (im[k] + im[m]);
            sb[1][k] = -0.5 * (re[k] - re[m]);
        }
        return new double[][][] {sa, sb};
    }

    /** Each link's kernel K[0..2L) (K[0] set to 0: lag 0 is the implicit solve's) transformed at length 2L, two at a time. */
    private double[][][] spectrum(int half) {
        return spectra.computeIfAbsent(half, h -> {
            int n = 2 * h;
            double[][][] out = new double[kernel.length][][];
            for (int l = 0; l < kernel.length; l += 2) {
                double[] a = window(kernel[l], n);
                double[] b = l + 1 < kernel.length ? window(kernel[l + 1], n) : null;
                double[][][] pair = forwardPair(a, b, 0, n, n);
                out[l] = pair[0];
                if (b != null) {
                    out[l + 1] = pair[1];
                }
            }
            return out;
        });
    }

    /** K[1..n) in an array of n, K[0] left 0. */
    private static double[] window(double[] k, int n) {
        double[] w = new double[n];
        System.arraycopy(k, 1, w, 1, Math.max(0, Math.min(n, k.length) - 1));
        return w;
    }
}
