package funnelcast.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.forecast.Forecast;

/**
 * The forecast result format of {@code scenario-format.md}, key for key. The exact method
 * adds {@code errorBound} (solver, proven bound on the pmf's total-variation error and on the
 * mean), an added field (docs/scenario-format.md).
 */
final class ForecastJson {
    private ForecastJson() {
    }

    static String write(Forecast f) {
        return Json.text(node(f));
    }

    static ObjectNode node(Forecast f) {
        ObjectNode root = Json.object();
        root.put("scenario", f.scenario());
        root.put("method", f.method().id());
        if (f.method() instanceof Forecast.MonteCarlo mc) {
            root.put("trials", mc.trials());
            root.put("seed", mc.seed());
            if (mc.uncertainty()) {
                root.put("uncertainty", "posterior: exits ~ Dirichlet(exitCounts + 1/2), inflow ~ Gamma(observed deals + 1/2, "
                    + "1/observed days)");
            }
        }
        root.put("horizonDays", f.horizonDays());
        f.target().ifPresent(t -> root.put("target", t));
        root.put("alreadyWon", f.alreadyWon());
        ObjectNode wins = root.putObject("wins");
        wins.put("mean", f.wins().mean());
        wins.put("sd", f.wins().sd());
        ArrayNode pmf = wins.putArray("pmf");
        for (double p : f.wins().pmf()) {
            pmf.add(p);
        }
        Forecast.CountQuantiles q = f.wins().quantiles();
        ObjectNode quantiles = wins.putObject("quantiles");
        quantiles.put("p5", q.p5());
        quantiles.put("p10", q.p10());
        quantiles.put("p25", q.p25());
        quantiles.put("p50", q.p50());
        quantiles.put("p75", q.p75());
        quantiles.put("p90", q.p90());
        quantiles.put("p95", q.p95());
        f.pHitTarget().ifPresent(p -> root.put("pHitTarget", p));
        f.revenue().ifPresent(r -> {
            ObjectNode revenue = root.putObject("revenue");
            revenue.put("mean", r.mean());
            if (r.quantiles().isPresent()) {
                ObjectNode rq = revenue.putObject("quantiles");
                rq.put("p10", r.quantiles().get().p10());
                rq.put("p50", r.quantiles().get().p50());
                rq.put("p90", r.quantiles().get().p90());
                r.pHitTarget().ifPresent(p -> revenue.put("pHitTarget", p));
            } else {
                revenue.put("sd", r.sd());
            }
        });
        ArrayNode daily = root.putArray("daily");
        for (Forecast.Day d : f.daily()) {
            ObjectNode day = daily.addObject();
            day.put("day", d.day());
            day.put("date", d.date().toString());
            day.put("mean", d.mean());
            day.put("p10", d.p10());
            day.put("p50", d.p50());
            day.put("p90", d.p90());
        }
        if (f.method() instanceof Forecast.Exact exact) {
            ObjectNode bound = root.putObject("errorBound");
            bound.put("solver", exact.solver());
            bound.put("pmfTotalVariation", exact.pmfTotalVariation());
            bound.put("mean", exact.meanError());
        }
        return root;
    }
}
