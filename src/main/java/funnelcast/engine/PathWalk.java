package funnelcast.engine;

import funnelcast.model.Funnel;

/**
 * One trial of the engine's kernel with every deal's path told, entry by entry: the walker that
 * simulated histories are made of, so that exits, dwells, aged pipeline deals, stalled shares and
 * the closing push are the forecasts' own. Times are working days from the log's start (an aged
 * pipeline deal entered before it). The trial's streams are the engine's, block 0 of {@code seed}.
 */
public final class PathWalk {
    private PathWalk() {
    }

    /** Walks every deal of {@code funnel} over the log and tells {@code listener} each entry. */
    public static void run(Funnel funnel, long seed, WalkLog log, PathListener listener) {
        TrialKernel kernel = new TrialKernel(new KernelTables(funnel, false, false, log), 1);
        kernel.bind(Streams.of(seed, 0));
        kernel.log(listener);
        kernel.run(1);
    }
}
