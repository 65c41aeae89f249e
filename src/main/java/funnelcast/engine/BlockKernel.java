package funnelcast.engine;

/**
 * A worker's engine for blocks of trials: bound to a block's streams, it runs the block's
 * trials and leaves each one's wins by day and revenue in {@link BlockResults}.
 */
sealed interface BlockKernel permits TrialKernel, WinnerWaves {
    /** Copies every sampler onto the streams of a new block. */
    void bind(Streams streams);

    /** Runs trials 0..trials-1 of the bound block; the results are valid until the next run. */
    BlockResults run(int trials);

    static BlockKernel of(KernelTables tables, int blockTrials) {
        return tables.winnersOnly && !tables.perTrial ? new WinnerWaves(tables, blockTrials) : new TrialKernel(tables, blockTrials);
    }
}
