package funnelcast.cli;

import funnelcast.forecast.Forecast;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The short, aligned table a sales director reads. */
final class ForecastTable {
    private ForecastTable() {
    }

    static void print(PrintWriter out, Scenario scenario, Forecast f, double seconds) {
        out.printf(Locale.ROOT, "%s%n", f.scenario());
        out.printf(Locale.ROOT, "Horizon: %d working days, %s .. %s%n", f.horizonDays(), scenario.calendar().start(),
            scenario.calendar().end());
        if (f.method() instanceof Forecast.MonteCarlo mc) {
            out.printf(Locale.ROOT, "Method:  Monte Carlo, %,d trials, seed %d (%.1f s)%n", mc.trials(), mc.seed(), seconds);
            out.printf(Locale.ROOT, "         %s%n", mc.uncertainty()
                ? "with parameter uncertainty: exit probabilities and inflow drawn from their posteriors per trial"
                : "parameters fixed at their point values (no parameter uncertainty)");
        } else if (f.method() instanceof Forecast.Exact ex) {
            out.printf(Locale.ROOT, "Method:  exact, %s (%.1f s)%n         error bound: pmf total variation <= %.2g, "
                + "mean within +/- %.2g%n", ex.solver(), seconds, ex.pmfTotalVariation(), ex.meanError());
        }
        if (!scenario.monthEffects().isNone()) {
            out.printf(Locale.ROOT, "Month:   %s (docs/month-effects.md)%n", scenario.monthEffects().describe());
        }
        for (Stage st : scenario.stages()) {
            if (st.stalled() > 0) {
                out.printf(Locale.ROOT, "Stalled: %.1f%% of visits to %s never move on; old deals there count with their chance of "
                    + "still moving%n", 100 * st.stalled(), st.id());
            }
        }
        out.println();
        Forecast.Wins w = f.wins();
        Forecast.CountQuantiles q = w.quantiles();
        out.printf(Locale.ROOT, "%-22s %8s %7s %6s %6s %6s%n", "", "mean", "sd", "P10", "P50", "P90");
        out.printf(Locale.ROOT, "%-22s %8.2f %7.2f %6d %6d %6d%n", "wins in the horizon", w.mean(), w.sd(), q.p10(), q.p50(),
            q.p90());
        if (f.alreadyWon() > 0) {
            Forecast.Total t = f.total();
            out.printf(Locale.ROOT, "%-22s %8.2f %7s %6d %6d %6d%n", "with " + f.alreadyWon() + " already won",
                t.mean(), "", t.p10(), t.p50(), t.p90());
        }
        f.revenue().ifPresent(r -> {
            String hit = r.pHitTarget().isPresent() ? String.format(Locale.ROOT, "   P(revenue >= %,.0f) = %.1f%%",
                scenario.target().revenue().getAsDouble(), 100 * r.pHitTarget().getAsDouble()) : "";
            if (r.quantiles().isPresent()) {
                Forecast.RevenueQuantiles rq = r.quantiles().get();
                out.printf(Locale.ROOT, "%nRevenue:  mean %,.0f   P10 %,.0f / P50 %,.0f / P90 %,.0f%s%n", r.mean(), rq.p10(),
                    rq.p50(), rq.p90(), hit);
            } else {
                out.printf(Locale.ROOT, "%nRevenue:  mean %,.0f   sd %,.0f%s%n", r.mean(), r.sd(), hit);
            }
        });
        if (f.revenue().isEmpty()) {
            out.println();
        }
        if (f.target().isPresent() && f.pHitTarget().isPresent()) {
            out.printf(Locale.ROOT, "Target:   %d wins%s.  P(hit target) = %.1f%%%n", f.target().getAsInt(),
                f.alreadyWon() > 0 ? " (" + f.alreadyWon() + " already won)" : "", 100 * f.pHitTarget().getAsDouble());
        }
        out.println();
        out.println("Cumulative wins by day (P10 / P50 / P90):");
        List<Forecast.Day> days = f.daily();
        for (Forecast.Day d : days) {
            if (d.day() % 5 == 0 || d.day() == days.size()) {
                out.printf(Locale.ROOT, "  day %2d  %s  %6.1f   %3d / %3d / %3d%n", d.day(), d.date(), d.mean(), d.p10(), d.p50(),
                    d.p90());
            }
        }
    }
}
