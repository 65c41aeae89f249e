package funnelcast.engine;

/**
 * The one way seeds are mixed: Stafford's mix13, the finaliser SplitMix64 uses. A block's
 * streams ({@link Streams}), a sweep's cases and the explorer's drawn months all derive their
 * seeds here, each from the user's seed and an index alone, so a result never depends on the
 * thread or the machine that computes it.
 */
public final class Seeds {
    /** SplitMix64's increment, 2^64 over the golden ratio. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** Stafford's mix13: every bit of the result depends on every bit of {@code z}. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of the {@code index}-th case or draw under {@code seed}: a fixed function of both. */
    public static long derive(long seed, long index) {
        return mix(seed + GOLDEN * (index + 1L));
    }
}
