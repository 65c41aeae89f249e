package funnelcast.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random streams of one block of trials, one per source of randomness (inflow, exits,
 * dwells, values, and the parameters drawn under parameter uncertainty) so that two scenarios can share common random numbers source by source.
 *
 * <p>Block {@code b}'s streams depend on the seed and {@code b} only, never on the thread that
 * runs the block: each is an L64X128Mix generator (an LXM generator, built for many
 * independent streams) whose 4-long seed comes from a SplitMix64 sequence started at a hash of
 * {@code (seed, b, source)}. A block can thus be run on any thread or machine.
 */
record Streams(UniformRandomProvider inflow, UniformRandomProvider exits, UniformRandomProvider dwells,
               UniformRandomProvider values, UniformRandomProvider parameters) {
    /** Trials in a block: the unit the streams, and so the work, are split by. */
    static final int BLOCK_TRIALS = 1000;

    static Streams of(long seed, long block) {
        return new Streams(stream(seed, block, 0), stream(seed, block, 1), stream(seed, block, 2),
            stream(seed, block, 3), stream(seed, block, 4));
    }

    private static UniformRandomProvider stream(long seed, long block, int source) {
        long start = Seeds.mix(Seeds.mix(seed) ^ Seeds.mix(block * 8 + source + Seeds.GOLDEN));
        UniformRandomProvider splitMix = RandomSource.SPLIT_MIX_64.create(start);
        long[] lxmSeed = {splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong()};
        return RandomSource.L64_X128_MIX.create(lxmSeed);
    }
}
