package funnelcast.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/** Copies of the tables's samplers onto a block's stream (absent samplers stay absent); nothing is drawn. */
final class Rebind {
    private Rebind() {
    }

    static SharedStateContinuousSampler of(SharedStateContinuousSampler s, UniformRandomProvider rng) {
        return s == null ? null : s.withUniformRandomProvider(rng);
    }

    static SharedStateDiscreteSampler of(SharedStateDiscreteSampler s, UniformRandomProvider rng) {
        return s == null ? null : s.withUniformRandomProvider(rng);
    }

    static void into(SharedStateContinuousSampler[] from, SharedStateContinuousSampler[] to, UniformRandomProvider rng) {
        for (int i = 0; i < from.length; i++) {
            to[i] = of(from[i], rng);
        }
    }

    static void into(SharedStateDiscreteSampler[] from, SharedStateDiscreteSampler[] to, UniformRandomProvider rng) {
        for (int i = 0; i < from.length; i++) {
            to[i] = of(from[i], rng);
        }
    }
}
