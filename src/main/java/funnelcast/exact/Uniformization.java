package funnelcast.exact;

import funnelcast.law.Exponential;
import funnelcast.model.Funnel;
import java.util.Locale;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The transient solution of the funnel as a continuous-time Markov chain, for exponential
 * dwells. A visit whose exit carries its own dwell is a mixture of exponentials, so the chain
 * runs on (stage, exit) phases: entering s picks exit e with p(s,e), then leaves at rate
 * 1/mean(s,e). Uniformization at the largest rate L gives
 * {@code F_i(t) = sum_n Pois(n; L t) w_n(i)}, with {@code w_n(i)} the chance the jump chain
 * is absorbed in won within n jumps, and
 * {@code integral_0^t F_i = (1/L) sum_n w_n(i) P(Pois(L t) > n)}. The series is cut where the
 * Poisson tail is below 1e-15; the cut-off is the bound's width.
 */
final class Uniformization implements WinCurves {
    private static final double TAIL = 1e-15;

    private final Funnel funnel;
    private final int horizon;
    private final int[] phaseOffset;
    /** f[d][i]: F of phase i at the end of day d+1, lower bound; fTail[d] its truncation. */
    private final double[][] f;
    private final double[] integral;
    private final double[] fTail;
    private final double[] integralTail;
    private final double rate;

    /** The expected number of jumps over the horizon: the fastest rate times T. */
    static double jumps(Funnel funnel) {
        return fastestRate(funnel) * funnel.scenario().horizonDays();
    }

    /** The uniformization rate: the fastest exit of any stage. */
    private static double fastestRate(Funnel funnel) {
        double max = 0;
        for (int s = 0; s < funnel.stageCount(); s++) {
            for (int e = 0; e < funnel.exitCount(s); e++) {
                max = Math.max(max, ((Exponential) funnel.dwell(s, e)).rate());
            }
        }
        return max;
    }

    Uniformization(Funnel funnel) {
        this.funnel = funnel;
        this.horizon = funnel.scenario().horizonDays();
        int n = funnel.stageCount();
        phaseOffset = new int[n + 1];
        for (int s = 0; s < n; s++) {
            phaseOffset[s + 1] = phaseOffset[s] + funnel.exitCount(s);
        }
        int phases = phaseOffset[n];
        double[] phaseRate = new double[phases];
        for (int s = 0; s < n; s++) {
            for (int e = 0; e < funnel.exitCount(s); e++) {
                phaseRate[phaseOffset[s] + e] = ((Exponential) funnel.dwell(s, e)).rate();
            }
        }
        this.rate = fastestRate(funnel);

        f = new double[horizon][phases];
        integral = new double[horizon];
        fTail = new double[horizon];
        integralTail = new double[horizon];
        int entry = funnel.entry();
        double[] lambdaT = new double[horizon];
        PoissonDistribution[] jumps = new PoissonDistribution[horizon];
        double[] pmf = new double[horizon];        // P(N_d = n), N_d ~ Pois(L t_d)
        double[] survival = new double[horizon];   // P(N_d > n)
        for (int d = 0; d < horizon; d++) {
            lambdaT[d] = rate * (d + 1);
            jumps[d] = PoissonDistribution.of(lambdaT[d]);
            survival[d] = 1;
        }
        double[] w = new double[phases];
        double[] next = new double[phases];
        for (int step = 0; ; step++) {
            // w holds w_step: absorption in won within `step` jumps.
            boolean allSmall = true;
            for (int d = 0; d < horizon; d++) {
                double p = jumps[d].probability(step);
                pmf[d] = p;
                survival[d] = Math.max(0, survival[d] - p);
                for (int i = 0; i < phases; i++) {
                    f[d][i] += p * w[i];
                }
                integral[d] += (entryMix(w, entry)) * survival[d] / rate;
                if (survival[d] > TAIL || step < lambdaT[d]) {
                    allSmall = false;
                }
            }
            if (allSmall) {
                for (int d = 0; d < horizon; d++) {
                    // w <= 1: the rest of F is at most P(N > step); of the integral, t P(N >= step).
                    fTail[d] = survival[d];
                    integralTail[d] = (d + 1) * (survival[d] + pmf[d]);
                }
                break;
            }
            for (int s = 0; s < n; s++) {
                for (int e = 0; e < funnel.exitCount(s); e++) {
                    int i = phaseOffset[s] + e;
                    double move = phaseRate[i] / rate;
                    int d = funnel.dest(s, e);
                    double target = d == funnel.won() ? 1 : d == funnel.lost() ? 0 : entryMix(w, d);
                    next[i] = (1 - move) * w[i] + move * target;
                }
            }
            double[] t = w;
            w = next;
            next = t;
        }
    }

    /** w of a deal just entering stage s: the mix of its phases by exit probability. */
    private double entryMix(double[] w, int s) {
        double sum = 0;
        for (int e = 0; e < funnel.exitCount(s); e++) {
            sum += funnel.prob(s, e) * w[phaseOffset[s] + e];
        }
        return sum;
    }

    @Override
    public Bounds inflowIntegral(int day) {
        if (day == 0) {
            return Bounds.exactly(0);
        }
        return new Bounds(integral[day - 1], integral[day - 1] + integralTail[day - 1]);
    }

    @Override
    public Bounds[] inflowSlices(int day) {
        Bounds[] slices = new Bounds[day];
        for (int j = 0; j < day; j++) {
            double lower = Math.max(0, integral[j] - (j == 0 ? 0 : integral[j - 1]));
            // the truncation of the whole integral up to day j + 1 bounds that of its last slice
            slices[j] = new Bounds(lower, lower + integralTail[j]);
        }
        return slices;
    }

    @Override
    public Bounds[] dealWins(int stage, double age) {
        // Exponential dwells are memoryless: only the exit weights change with age.
        double[] weights = funnel.agedExitWeights(stage, age);
        Bounds[] byDay = new Bounds[horizon];
        for (int d = 0; d < horizon; d++) {
            double p = 0;
            for (int e = 0; e < weights.length; e++) {
                p += weights[e] * f[d][phaseOffset[stage] + e];
            }
            byDay[d] = new Bounds(Math.min(1, p), Math.min(1, p + fTail[d]));
        }
        return byDay;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT,
            "CTMC transient solution by uniformization (rate %.4g per day, Poisson tail < 1e-15)", rate);
    }
}
