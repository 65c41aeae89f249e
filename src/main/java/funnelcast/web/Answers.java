package funnelcast.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.chart.ChartFiles;
import funnelcast.chart.CompareCharts;
import funnelcast.chart.ForecastCharts;
import funnelcast.chart.PlanCharts;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.engine.Seeds;
import funnelcast.exact.ExactMethod;
import funnelcast.exact.HorizonWins;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.plan.RequiredInflow;
import funnelcast.plan.Sensitivity;
import funnelcast.plan.SteadyState;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the page shows for one state of a scenario, as JSON. The headline figures come from the
 * exact method on its default grid, so they are those of {@code forecast --method exact}, and
 * are formatted as the command line prints them; where the exact method refuses a scenario
 * (an inflow or a grid beyond its limits) the engine answers instead, and {@code method} says so.
 */
final class Answers {
    /** The engine's trials and seed where the exact method refuses a scenario (the command line's defaults). */
    static final long FALLBACK_TRIALS = 100_000;
    static final long FALLBACK_SEED = 42;

    private Answers() {
    }

    /**
     * The headline figures, the pmf and the fan, the inflow needed at {@code confidence}, the
     * bottleneck, each stage's stock. With {@code uncertainty} the forecast is the engine's with
     * parameter uncertainty (exit probabilities and the inflow drawn from their counts), as
     * {@code forecast --uncertainty} gives it with its default trials and seed; the inflow needed
     * and the bottleneck stay the exact method's, at the point values.
     */
    static Figures figures(Scenario scenario, double confidence, boolean uncertainty) {
        long start = System.nanoTime();
        Funnel funnel = Funnel.of(scenario);
        int steps = ExactMethod.defaultStepsPerDay(scenario.horizonDays());
        Forecast f = null;
        OptionalDouble needed = OptionalDouble.empty();
        String method = "exact";
        String bottleneck = null;
        try {
            HorizonWins horizonWins;
            if (uncertainty) {
                horizonWins = ExactMethod.horizonWins(funnel, steps); // the engine gives the forecast below
            } else {
                ExactMethod.Solution exact = ExactMethod.solve(funnel, steps);
                f = exact.forecast();
                horizonWins = exact.horizonWins();
            }
            needed = RequiredInflow.forTarget(funnel, confidence, horizonWins);
            bottleneck = Sensitivity.exact(funnel, Math.min(Sensitivity.RANKING_STEPS, steps)).bottleneck();
        } catch (InputException refused) {
            method = engineMethod(false) + " (the exact method: " + refused.getMessage() + ")";
            f = uncertainty ? null : engine(funnel, false);
        }
        if (uncertainty) {
            f = engine(funnel, true);
            method = engineMethod(true) + ", as forecast --uncertainty; the inflow needed and the bottleneck at the "
                + "point values";
        }
        Forecast.Total total = f.total();
        OptionalDouble pHit = total.pHitTarget();
        SteadyState steady = SteadyState.forInflow(funnel, scenario.inflow().perDay());
        OptionalDouble pRevenue = f.revenue().map(Forecast.Revenue::pHitTarget).orElse(OptionalDouble.empty());
        return new Figures(scenario.name(), method, total.mean(), String.format(Locale.ROOT, "%.2f", total.mean()),
            total.sd(), total.p10(), total.p50(), total.p90(), f.alreadyWon(), scenario.horizonDays(), f.target(), pHit,
            pHit.isPresent() ? percent(pHit.getAsDouble()) : null, confidence, needed,
            needed.isPresent() ? String.format(Locale.ROOT, "%.2f", needed.getAsDouble()) : null, scenario.inflow().perDay(),
            bottleneck, f.method() instanceof Forecast.Exact e ? e.pmfTotalVariation() : null, f.wins().pmf(),
            f.daily().stream().map(f::totalOn).map(d -> new FanDay(d.day(), d.date(), d.mean(), d.p10(), d.p50(), d.p90())).toList(),
            steady.stages().stream().map(st -> new Stock(st.id(), st.label(), st.pWin(), st.arrivalsPerDay(), st.meanDwell(),
                st.inventory())).toList(), pRevenue, pRevenue.isPresent() ? percent(pRevenue.getAsDouble()) : null,
            scenario.target().revenue(), (System.nanoTime() - start) / 1e6);
    }

    /**
     * The page's figures: wins counted from the month's start (already won included), with the
     * command line's texts beside the numbers; absent values left out.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Figures(String scenario, String method, double mean, String meanText, double sd, int p10, int p50, int p90,
                   int alreadyWon, int horizonDays, OptionalInt target, OptionalDouble pHitTarget, String pHitText,
                   double confidence, OptionalDouble inflowNeeded, String inflowNeededText, double inflowPerDay,
                   String bottleneck, Double bound, double[] pmf, List<FanDay> fan, List<Stock> stages,
                   OptionalDouble pRevenueTarget, String pRevenueText, OptionalDouble revenueTarget, double millis) {
    }

    /** Wins by the end of a working day, already won included. */
    record FanDay(int day, LocalDate date, double mean, int p10, int p50, int p90) {
    }

    /** A stage's steady-state flow at today's inflow. */
    record Stock(String id, String label, double pWin, double arrivalsPerDay, double meanDwell, double stock) {
    }

    /** The charts as inline SVG elements; the A/B overlays only with a pinned A. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Charts(String wins, String fan, String stock, String abWins, String abFan) {
    }

    /** Wins of each simulated month, already won included. */
    record Months(int[] wins) {
    }

    /** The engine with the command line's default trials and seed, on the explorer's one pool (the request's parallelism). */
    private static Forecast engine(Funnel funnel, boolean uncertainty) {
        try {
            return MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(FALLBACK_TRIALS, FALLBACK_SEED,
                Parallelism.current().threads()).withUncertainty(uncertainty).withPool(Parallelism.current()));
        } catch (InputException e) {
            throw new FieldException(e.getMessage(), "uncertainty");
        }
    }

    private static String engineMethod(boolean uncertainty) {
        return "Monte Carlo" + (uncertainty ? " with parameter uncertainty" : "") + ", "
            + String.format(Locale.ROOT, "%,d", FALLBACK_TRIALS) + " trials, seed " + FALLBACK_SEED;
    }

    /** The command line's percent: one decimal. */
    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /**
     * The charts of the command line (wins with the target, fan, the funnel's stock) as inline SVG
     * elements; with a pinned A, also A's and B's wins and fans drawn over each other, as compare
     * draws them.
     */
    static Charts charts(Scenario scenario, Scenario pinned, int width, int height, boolean uncertainty) {
        Funnel funnel = Funnel.of(scenario);
        Forecast f = chartForecast(funnel, uncertainty);
        String abWins = null;
        String abFan = null;
        if (pinned != null) {
            List<String> names = List.of("A (pinned)", "B (now)");
            List<Forecast> both = List.of(chartForecast(Funnel.of(pinned), uncertainty), f);
            abWins = ChartFiles.svgScalable(CompareCharts.wins(names, both), width, height, "ab-wins");
            abFan = ChartFiles.svgScalable(CompareCharts.fans(names, both), width, height, "ab-fan");
        }
        return new Charts(ChartFiles.svgScalable(ForecastCharts.wins(f), width, height, "wins"),
            ChartFiles.svgScalable(ForecastCharts.fan(f), width, height, "fan"),
            ChartFiles.svgScalable(PlanCharts.funnel(scenario, SteadyState.forInflow(funnel, scenario.inflow().perDay())), width,
                height, "stock"), abWins, abFan);
    }

    /** The forecast the charts draw: the exact method's, or the engine's with uncertainty or where the exact method refuses. */
    private static Forecast chartForecast(Funnel funnel, boolean uncertainty) {
        if (uncertainty) {
            return engine(funnel, true);
        }
        try {
            return ExactMethod.forecast(funnel);
        } catch (InputException refused) {
            return engine(funnel, false);
        }
    }

    /**
     * Simulated months {@code from .. from + count - 1}: each one trial of the engine on a seed
     * derived from (seed, month), so month k is the same whenever it is drawn; with parameter
     * uncertainty, each month draws its own parameters too.
     */
    static Months months(Scenario scenario, long seed, int from, int count, boolean uncertainty) {
        Funnel funnel = Funnel.of(scenario);
        int[] wins = new int[count];
        for (int k = from; k < from + count; k++) {
            Forecast one;
            try {
                one = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(1, Seeds.derive(seed, k), 1)
                    .withUncertainty(uncertainty).withPool(Parallelism.current()));
            } catch (InputException e) {
                throw new FieldException(e.getMessage(), "uncertainty");
            }
            double[] pmf = one.wins().pmf();
            int w = 0;
            while (w < pmf.length && pmf[w] < 0.5) {
                w++;
            }
            wins[k - from] = one.alreadyWon() + w;
        }
        return new Months(wins);
    }
}
