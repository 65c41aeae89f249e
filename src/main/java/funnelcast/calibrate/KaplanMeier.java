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
        int completed = 0;
        for (Observation o : observations) {
            completed += o.completed() ? 1 : 0;
        }
        double[] done = new double[completed];
        double[] censored = new double[observations.size() - completed];
        int d = 0;
        int c = 0;
        for (Observation o : observations) {
            if (o.completed()) {
                done[d++] = o.time();
            } else {
                censored[c++] = o.time();
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

    /** The largest gap between the curve and a fitted survival, on both sides of every step. */
    public double distanceTo(DoubleUnaryOperator fitted) {
        double d = 0;
        double before = 1;
        for (int k = 0; k < times.length; k++) {
            double f = fitted.applyAsDouble(times[k]);
            d = Math.max(d, Math.max(Math.abs(before - f), Math.abs(survival[k] - f)));
            before = survival[k];
        }
        return d;
    }
}
