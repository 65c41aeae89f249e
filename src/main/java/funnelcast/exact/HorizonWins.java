package funnelcast.exact;

import java.util.List;

/**
 * The pieces of the horizon's wins that the planner turns around: wins from an inflow of rate
 * lambda are Poisson with mean {@code lambda * inflowIntegral}, and the pipeline's wins have the
 * Poisson-binomial pmf {@code pipelinePmf} (entry g of the pipeline wins with {@code dealWins(g)}).
 * {@code pipelineError} bounds the total-variation error of that pmf. {@code quickestWin} is the
 * shortest time in which a new deal can be won ({@link funnelcast.model.QuickestWin}), for saying
 * why no inflow reaches a target.
 */
public record HorizonWins(String solver, int horizonDays, double quickestWin, Bounds inflowIntegral,
                         List<Bounds> dealWins, double[] pipelinePmf, double pipelineError) {
    public HorizonWins {
        dealWins = List.copyOf(dealWins);
        pipelinePmf = pipelinePmf.clone();
    }

    @Override
    public double[] pipelinePmf() {
        return pipelinePmf.clone();
    }

    /** Total-variation error bound of the wins pmf at inflow rate {@code lambda}. */
    public double errorBound(double lambda) {
        return pipelineError + TotalVariation.poisson(lambda, inflowIntegral);
    }
}
