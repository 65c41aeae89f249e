package funnelcast.calibrate;

/**
 * One visit's dwell as the log shows it: known exactly, known to lie in {@code [lo, hi]} (times
 * known only to the day), or still open at the as-of date (right-censored at {@code lo}: it
 * counts toward survival, never as a dwell).
 */
public record Observation(Kind kind, double lo, double hi, String dest, String rep) {
    public enum Kind { EXACT, INTERVAL, CENSORED }

    static Observation exact(double x, String dest, String rep) {
        return new Observation(Kind.EXACT, x, x, dest, rep);
    }

    static Observation censored(double age, String rep) {
        return new Observation(Kind.CENSORED, age, Double.POSITIVE_INFINITY, null, rep);
    }

    boolean completed() {
        return completed(kind);
    }

    /** A single time for Kaplan-Meier and starting values: the midpoint of an interval. */
    double time() {
        return time(kind, lo, hi);
    }

    static boolean completed(Kind kind) {
        return kind != Kind.CENSORED;
    }

    static double time(Kind kind, double lo, double hi) {
        return kind == Kind.INTERVAL ? (lo + hi) / 2 : lo;
    }
}
