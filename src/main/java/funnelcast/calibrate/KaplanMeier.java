package funnelcast.calibrate;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The Kaplan-Meier estimate of a stage's dwell survival: at each completed dwell time t,
 * S drops by the factor (1 - d / n), n being the visits still at risk (censored visits leave
 * the risk set after their age). Interval observations enter at their midpoint.
 */
public record KaplanMeier(double[] times, double[] survival, double[] censoredTimes) {

    public static KaplanMeier of(List<Observation> observations) {
        Visits v = Visits.of(observations);
        int completed = 0;
        for (int i = 0; i < v.size(); i++) {
            completed += v.completed(i) ? 1 : 0;
        }
        double[] done = new double[completed];
        double[] censored = new double[v.size() - completed];
        int d = 0;
        int c = 0;
        for (int i = 0; i < v.size(); i++) {
            if (v.completed(i)) {
                done[d++] = v.time(i);
            } else {
                censored[c++] = v.time(i);
            }
        }
        Arrays.sort(done);
        Arrays.sort(censored);
        // At equal times, events come before censorings (the usual convention).
        int atRisk = observations.size();
        double s = 1;
        double[] times = new double[done.length];
        double[] surv = new double[done.length];
        int steps = 0;
        int i = 0;
        int j = 0;
        while (i < done.length || j < censored.length) {
            double t = j == censored.length || (i < done.length && done[i] <= censored[j]) ? done[i] : censored[j];
            int events = 0;
            while (i < done.length && done[i] == t) {
                events++;
                i++;
            }
            int leaving = events;
            while (j < censored.length && censored[j] == t) {
                leaving++;
                j++;
            }
            if (events > 0) {
                s *= 1 - (double) events / atRisk;
                times[steps] = t;
                surv[steps++] = s;
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(Arrays.copyOf(times, steps), Arrays.copyOf(surv, steps), censored);
    }

    /** S_KM(t): the survival just after time t. */
    public double at(double t) {
        double s = 1;
        for (int k = 0; k < times.length && times[k] <= t; k++) {
            s = survival[k];
        }
        return s;
    }

    /**
     * The largest gap between the curve and a fitted survival, on both sides of every step. The
     * fitted survival never rises, so between two steps where it is known it lies between its
     * values there, and a run of steps whose curve and fit cannot be further apart than the gap
     * already found is passed over unasked: a simulated stage's 250,000 steps ask the fit a few
     * thousand times, and the gap is the one every step would give (the steps asked are the same
     * numbers, and the largest of them wins).
     */
    public double distanceTo(DoubleUnaryOperator fitted) {
        int last = times.length - 1;
        if (last < 0) {
            return 0;
        }
        double first = fitted.applyAsDouble(times[0]);
        double end = last == 0 ? first : fitted.applyAsDouble(times[last]);
        double d = Math.max(gap(0, first), gap(last, end));
        // runs of steps (a, b) with the fit known at both ends, their inside not yet asked
        int[] from = new int[64];
        int[] to = new int[64];
        double[] high = new double[64];
        double[] low = new double[64];
        int runs = 0;
        from[runs] = 0;
        to[runs] = last;
        high[runs] = first;
        low[runs++] = end;
        while (runs > 0) {
            runs--;
            int a = from[runs];
            int b = to[runs];
            double fa = high[runs];
            double fb = low[runs];
            if (b - a < 2) {
                continue;
            }
            // inside the run the curve lies in [S(b - 1), S(a)] and the fit in [f(b), f(a)]
            double bound = Math.max(survival[a] - fb, fa - survival[b - 1]);
            if (bound + MONOTONE_SLACK <= d) {
                continue;
            }
            int m = (a + b) >>> 1;
            double fm = fitted.applyAsDouble(times[m]);
            d = Math.max(d, gap(m, fm));
            if (runs + 2 > from.length) {
                from = Arrays.copyOf(from, 2 * from.length);
                to = Arrays.copyOf(to, 2 * to.length);
                high = Arrays.copyOf(high, 2 * high.length);
                low = Arrays.copyOf(low, 2 * low.length);
            }
            from[runs] = m;
            to[runs] = b;
            high[runs] = fm;
            low[runs++] = fb;
            from[runs] = a;
            to[runs] = m;
            high[runs] = fa;
            low[runs++] = fm;
        }
        return d;
    }

    /**
     * How far a fitted survival may rise between two points where it is asked (its last digits,
     * from the special functions' rounding): a run is passed over only when it cannot come within
     * this of the gap found.
     */
    static final double MONOTONE_SLACK = 1e-9;

    /** The gap at step k, on both sides of it, to the fit's value there. */
    private double gap(int k, double f) {
        double before = k == 0 ? 1 : survival[k - 1];
        return Math.max(Math.abs(before - f), Math.abs(survival[k] - f));
    }
}
