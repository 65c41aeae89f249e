package funnelcast.model;

import java.util.List;

/**
 * The clock that dwells ending in a win run on under a {@link ClosingPush}: {@code L(t)} grows
 * by {@code factor} per unit of model time inside the push windows and by 1 outside them, so a
 * dwell of usual length d begun at t ends at {@code L^-1(L(t) + d)}. Before the first window
 * {@code L(t) = t} (negative times included: the past had its own pushes, which the fitted
 * dwells already hold).
 */
public final class PushClock {
    public static final PushClock NONE = new PushClock(new double[0], new double[0], 1);

    private final double[] from;
    private final double[] to;
    private final double factor;

    private PushClock(double[] from, double[] to, double factor) {
        this.from = from;
        this.to = to;
        this.factor = factor;
    }

    static PushClock of(List<double[]> windows, double factor) {
        double[] from = new double[windows.size()];
        double[] to = new double[windows.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = windows.get(i)[0];
            to[i] = windows.get(i)[1];
        }
        return from.length == 0 ? NONE : new PushClock(from, to, factor);
    }

    public boolean isNone() {
        return from.length == 0;
    }

    /** The start of the first window (infinite without one): the clock is plain model time before it. */
    public double firstWindow() {
        return from.length == 0 ? Double.POSITIVE_INFINITY : from[0];
    }

    /** L(t). */
    public double at(double t) {
        double extra = 0;
        for (int i = 0; i < from.length && t > from[i]; i++) {
            extra += (Math.min(t, to[i]) - from[i]) * (factor - 1);
        }
        return t + extra;
    }

    /** {@code L^-1(L(t) + d)}: when a dwell of usual length d begun at t ends. */
    public double after(double t, double d) {
        double target = at(t) + d;
        double time = 0;
        double clock = 0;
        // walk the windows: plain stretches advance the clock 1:1, windows factor:1
        for (int i = 0; i < from.length; i++) {
            if (target <= clock + (from[i] - time)) {
                return time + (target - clock);
            }
            clock += from[i] - time;
            double inside = (to[i] - from[i]) * factor;
            if (target <= clock + inside) {
                return from[i] + (target - clock) / factor;
            }
            clock += inside;
            time = to[i];
        }
        return time + (target - clock);
    }
}
