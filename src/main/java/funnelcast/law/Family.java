package funnelcast.law;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The families a scenario can name, listed once: each one's name in the file ({@code "dist"}),
 * its parameters in the order the file writes them, how to make a law from their values and how
 * to read them back from a law. The reader, the writer and the calibrator's fits all go through
 * here, so a family added here is read, written and (if it has a density) fitted alike.
 */
public enum Family {
    EXPONENTIAL(Exponential.class, "exponential", "mean"),
    LOGNORMAL(LogNormal.class, "lognormal", "median", "sigma"),
    GAMMA(Gamma.class, "gamma", "shape", "scale"),
    WEIBULL(Weibull.class, "weibull", "shape", "scale"),
    FIXED(Fixed.class, "fixed", "value"),
    UNIFORM(Uniform.class, "uniform", "min", "max"),
    /** Its one parameter, {@code values}, is a list. */
    EMPIRICAL(Empirical.class, "empirical", "values");

    private final Class<? extends Law> type;
    private final String id;
    private final List<String> parameters;

    Family(Class<? extends Law> type, String id, String... parameters) {
        this.type = type;
        this.id = id;
        this.parameters = List.of(parameters);
    }

    /** The name a scenario writes in {@code "dist"}. */
    public String id() {
        return id;
    }

    /** The parameters' names, in the order the file writes them. */
    public List<String> parameters() {
        return parameters;
    }

    /** The family a scenario names, or null. */
    public static Family named(String id) {
        for (Family f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** The names of every family, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Family::id).toList();
    }

    /**
     * The law with these parameter values, in {@link #parameters()} order (an empirical law's
     * values as they are); a bad value raises the {@link ParameterException} naming it.
     */
    public Law of(double... p) {
        return switch (this) {
            case EXPONENTIAL -> new Exponential(p[0]);
            case LOGNORMAL -> new LogNormal(p[0], p[1]);
            case GAMMA -> new Gamma(p[0], p[1]);
            case WEIBULL -> new Weibull(p[0], p[1]);
            case FIXED -> new Fixed(p[0]);
            case UNIFORM -> new Uniform(p[0], p[1]);
            case EMPIRICAL -> new Empirical(p);
        };
    }

    /** The family of a law a scenario can hold. */
    public static Family of(Law law) {
        for (Family f : values()) {
            if (f.type.isInstance(law)) {
                return f;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s belongs to no family a scenario can name",
            law.describe()));
    }

    /** A law's parameter values, in {@link #parameters()} order (an empirical law's values). */
    public double[] values(Law law) {
        return switch (this) {
            case EXPONENTIAL -> new double[] {((Exponential) law).mean()};
            case LOGNORMAL -> new double[] {((LogNormal) law).median(), ((LogNormal) law).sigma()};
            case GAMMA -> new double[] {((Gamma) law).shape(), ((Gamma) law).scale()};
            case WEIBULL -> new double[] {((Weibull) law).shape(), ((Weibull) law).scale()};
            case FIXED -> new double[] {((Fixed) law).value()};
            case UNIFORM -> new double[] {((Uniform) law).min(), ((Uniform) law).max()};
            case EMPIRICAL -> ((Empirical) law).values();
        };
    }
}
