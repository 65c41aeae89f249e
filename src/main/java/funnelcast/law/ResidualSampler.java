package funnelcast.law;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/** {@code X - age} given {@code X > age}, by inversion of the survival function. */
record ResidualSampler(DoubleUnaryOperator inverseSurvival, UniformRandomProvider rng, double age, double survivalAtAge)
        implements SharedStateContinuousSampler {
    /** Survival at the age from which rejection is cheaper than a numerical inverse. */
    static final double REJECTION_FROM = 0.2;

    /** Draws X until X > age: exact, and fast while the age is likely to be survived. */
    record ByRejection(SharedStateContinuousSampler law, double age) implements SharedStateContinuousSampler {
        @Override
        public double sample() {
            double x;
            do {
                x = law.sample();
            } while (!(x > age));
            return x - age;
        }

        @Override
        public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider rng) {
            return new ByRejection(law.withUniformRandomProvider(rng), age);
        }
    }

    @Override
    public double sample() {
        // 1 - nextDouble() lies in (0, 1], so the argument never reaches 0 (an infinite time).
        double u = 1.0 - rng.nextDouble();
        double x = inverseSurvival.applyAsDouble(u * survivalAtAge);
        return Math.max(0.0, x - age);
    }

    @Override
    public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider other) {
        return new ResidualSampler(inverseSurvival, other, age, survivalAtAge);
    }
}
