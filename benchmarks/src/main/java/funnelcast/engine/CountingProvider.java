package funnelcast.engine;

import org.apache.commons.rng.UniformRandomProvider;

/** Counts the 64-bit words a sampler draws; every other draw goes through nextLong. */
final class CountingProvider implements UniformRandomProvider {
    private final UniformRandomProvider inner;
    long words;

    CountingProvider(UniformRandomProvider inner) {
        this.inner = inner;
    }

    @Override
    public long nextLong() {
        words++;
        return inner.nextLong();
    }

    @Override
    public int nextInt() {
        words++;
        return inner.nextInt();
    }
}
