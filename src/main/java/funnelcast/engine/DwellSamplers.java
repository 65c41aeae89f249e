package funnelcast.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * A kernel's own copies of the tables's dwell samplers (per stage and exit) and of the pipeline
 * deals' residual dwell samplers (per deal and exit), with the call site each is drawn through
 * ({@link CallSites}); {@link #bind} puts them on a block's dwell stream. Both kernels draw dwells
 * through these, so they share one numbering of call sites.
 */
final class DwellSamplers {
    final SharedStateContinuousSampler[][] dwell;
    final SharedStateContinuousSampler[][] residual;
    final int[][] dwellSite;
    final int[][] residualSite;
    private final KernelTables tables;

    DwellSamplers(KernelTables tables) {
        this.tables = tables;
        dwell = new SharedStateContinuousSampler[tables.stages][];
        for (int s = 0; s < tables.stages; s++) {
            dwell[s] = new SharedStateContinuousSampler[tables.dwell[s].length];
        }
        residual = new SharedStateContinuousSampler[tables.pipelineStage.length][];
        for (int g = 0; g < residual.length; g++) {
            residual[g] = new SharedStateContinuousSampler[tables.pipelineResidual[g].length];
        }
        CallSites sites = new CallSites();
        dwellSite = sites.of(tables.dwell);
        residualSite = sites.of(tables.pipelineResidual);
    }

    void bind(UniformRandomProvider dwells) {
        for (int s = 0; s < dwell.length; s++) {
            Rebind.into(tables.dwell[s], dwell[s], dwells);
        }
        for (int g = 0; g < residual.length; g++) {
            Rebind.into(tables.pipelineResidual[g], residual[g], dwells);
        }
    }
}
