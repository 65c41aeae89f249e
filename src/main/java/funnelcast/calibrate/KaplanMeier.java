package funnelcast.calibrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The Kaplan-Meier estimate of a stage's dwell survival: at each completed dwell time t,
 * S drops by the factor (1 - d / n), n being the visits still at risk (censored visits leave
 * the risk set after their age). Interval observations enter at their midpoint.
 */
public record KaplanMeier(double[] times, double[] survival, double[] censoredTimes) {

    public static KaplanMeier of(List<Observation> observations) {
        List<Observation> sorted = new ArrayList<>(observations);
        // At equal times, events come before censorings (the usual convention).
        sorted.sort(Comparator.comparingDouble(Observation::time)
            .thenComparing(o -> o.completed() ? 0 : 1));
        int atRisk = sorted.size();
        double s = 1;
        List<double[]> steps = new ArrayList<>();
        List<Double> censored = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            double t = sorted.get(i).time();
            int events = 0;
            int leaving = 0;
            while (i < sorted.size() && sorted.get(i).time() == t) {
                if (sorted.get(i).completed()) {
                    events++;
                } else {
                    censored.add(t);
                }
                leaving++;
                i++;
            }
            if (events > 0) {
                s *= 1 - (double) events / atRisk;
                steps.add(new double[] {t, s});
            }
            atRisk -= leaving;
        }
        double[] times = new double[steps.size()];
        double[] surv = new double[steps.size()];
        for (int k = 0; k < times.length; k++) {
            times[k] = steps.get(k)[0];
            surv[k] = steps.get(k)[1];
        }
        return new KaplanMeier(times, surv, censored.stream().mapToDouble(Double::doubleValue).toArray());
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
