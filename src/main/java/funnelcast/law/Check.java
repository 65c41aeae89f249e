package funnelcast.law;

import java.util.Locale;

/**
 * Range checks for parameters, written as "return when in range, else throw" so that NaN fails.
 * Messages name the parameter, the allowed range and the bad value; they are the one place
 * these templates live. A parameter out of range is the input's fault ({@link ParameterException},
 * which the scenario reader points at the parameter's path); a probability out of range is a
 * caller's bug.
 */
public final class Check {
    private Check() {
    }

    public static double positive(String name, double value) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new ParameterException(name, format("%s must be a positive finite number, got %s", name, value));
    }

    public static double nonNegative(String name, double value) {
        if (value >= 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new ParameterException(name.equals("every value") ? "values" : name,
            format("%s must be a finite number >= 0, got %s", name, value));
    }

    public static double probability(String name, double value) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        throw new IllegalArgumentException(format("%s must be a probability in [0, 1], got %s", name, value));
    }

    public static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
