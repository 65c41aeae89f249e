package funnelcast.law;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/** Draws uniformly among the given values (repeats weigh more): a dwell copied from history. */
public record Empirical(double[] values) implements Law {
    public Empirical {
        if (values.length == 0) {
            throw new ParameterException("values", "values must hold at least one number");
        }
        values = values.clone();
        for (double v : values) {
            Check.nonNegative("every value", v);
        }
        Arrays.sort(values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of values <= x. */
    private int countAtMost(double x) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public double cdf(double x) {
        return (double) countAtMost(x) / values.length;
    }

    @Override
    public double inverseCdf(double p) {
        Check.probability("p", p);
        int k = (int) Math.ceil(p * values.length);
        return values[Math.max(0, Math.min(values.length - 1, k - 1))];
    }

    @Override
    public double inverseSurvival(double p) {
        return inverseCdf(1 - p);
    }

    @Override
    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Override
    public double variance() {
        double m = mean();
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / values.length;
    }

    @Override
    public double supportLowerBound() {
        return values[0];
    }

    @Override
    public double supportUpperBound() {
        return values[values.length - 1];
    }

    @Override
    public double atomAtZero() {
        return cdf(0);
    }

    @Override
    public Law scaled(double factor) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new Empirical(v);
    }

    @Override
    public String describe() {
        return Check.format("empirical(%d values from %s to %s)", values.length, values[0], supportUpperBound());
    }

    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return new Draw(rng, values, 0.0);
    }

    @Override
    public SharedStateContinuousSampler residualSampler(UniformRandomProvider rng, double age) {
        int survivors = values.length - countAtMost(age);
        if (survivors == 0) {
            throw new IllegalArgumentException(Check.format(
                "age %s is beyond the support of %s", age, describe()));
        }
        return new Draw(rng, Arrays.copyOfRange(values, values.length - survivors, values.length), age);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Empirical e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** One of the values, uniformly, less an offset (the age already spent). */
    private record Draw(UniformRandomProvider rng, double[] values, double offset)
            implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            return values[rng.nextInt(values.length)] - offset;
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider other) {
            return new Draw(other, values, offset);
        }
    }
}
