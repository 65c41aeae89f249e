package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import funnelcast.forecast.Forecast;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The forecast result format of docs/scenario-format.md, key for key: the {@link Forecast}
 * record as it is, through the view below where the file's keys differ from the record's (the
 * fan keeps mean, P10, P50 and P90; P25 and P75 serve the chart). The
 * exact method adds {@code errorBound} (solver, proven bound on the pmf's total-variation error
 * and on the mean).
 */
final class ForecastJson {
    private ForecastJson() {
    }

    /** The forecast as the file writes it; absent values are left out. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record View(String scenario, String method, Long trials, Long seed, String uncertainty, int horizonDays,
                OptionalInt target, int alreadyWon, Forecast.Wins wins, OptionalDouble pHitTarget, Optional<Revenue> revenue,
                @JsonIgnoreProperties({"p25", "p75"}) List<Forecast.Day> daily, Optional<ErrorBound> errorBound) {
        static final String POSTERIOR = "posterior: exits ~ Dirichlet(exitCounts + 1/2), inflow ~ Gamma(observed deals + 1/2, "
            + "1/observed days)";

        static View of(Forecast f) {
            Forecast.MonteCarlo mc = f.method() instanceof Forecast.MonteCarlo m ? m : null;
            Optional<ErrorBound> bound = f.method() instanceof Forecast.Exact e
                ? Optional.of(new ErrorBound(e.solver(), e.pmfTotalVariation(), e.meanError(),
                    Double.isNaN(e.revenueTailError()) ? null : e.revenueTailError())) : Optional.empty();
            return new View(f.scenario(), f.method().id(), mc == null ? null : mc.trials(), mc == null ? null : mc.seed(),
                mc != null && mc.uncertainty() ? POSTERIOR : null, f.horizonDays(), f.target(), f.alreadyWon(), f.wins(),
                f.pHitTarget(), f.revenue().map(Revenue::of), f.daily(), bound);
        }
    }

    /** Revenue: with quantiles (the engine's), or with its sd (the exact method's moments). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Revenue(double mean, Optional<Forecast.RevenueQuantiles> quantiles, OptionalDouble pHitTarget, Double sd) {
        static Revenue of(Forecast.Revenue r) {
            return r.quantiles().isPresent() ? new Revenue(r.mean(), r.quantiles(), r.pHitTarget(), null)
                : new Revenue(r.mean(), Optional.empty(), r.pHitTarget(), r.sd());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBound(String solver, double pmfTotalVariation, @JsonProperty("mean") double meanError,
                      @JsonProperty("revenuePHitTarget") Double revenueTailError) {
    }
}
