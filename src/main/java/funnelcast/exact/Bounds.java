package funnelcast.exact;

/** A quantity known to lie in {@code [lower, upper]}; reported as the midpoint. */
public record Bounds(double lower, double upper) {
    public Bounds {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
    }

    public static Bounds exactly(double v) {
        return new Bounds(v, v);
    }

    public double mid() {
        return lower + (upper - lower) / 2;
    }

    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
