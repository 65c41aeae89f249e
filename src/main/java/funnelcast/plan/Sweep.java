package funnelcast.plan;

import funnelcast.InputException;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * Many cases of one question: each case a scenario (a grid point of --set values on a base, or
 * one file of a folder), forecast on its own seed derived from (seed, case) alone, so that a row
 * never depends on where or beside what it ran. A case that fails is a row with its message.
 */
public final class Sweep {
    private Sweep() {
    }

    /** What to run each case with. {@code trials} is ignored by the exact method. */
    public record Options(boolean exact, long trials, long seed, int threads, double confidence, int stepsPerDay) {
    }

    /** One case's result: its figures, or the message that stopped it. */
    public record Row(int index, List<String> values, double mean, double sd, int p10, int p50, int p90,
                      OptionalDouble pHitTarget, OptionalDouble inflowNeeded, String bottleneck, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** The seed of case {@code index}: SplitMix64's finaliser of the seed and the index, a fixed function of both. */
    public static long caseSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs one case: {@code scenario} reads it (and may throw the input's error, which becomes the
     * row's message).
     */
    public static Row run(int index, List<String> values, java.util.function.Supplier<Scenario> scenario, Options o) {
        try {
            Funnel funnel = Funnel.of(scenario.get());
            int steps = o.stepsPerDay() > 0 ? o.stepsPerDay() : ExactMethod.defaultStepsPerDay(funnel.scenario().horizonDays());
            Forecast f = o.exact() ? ExactMethod.forecast(funnel, steps)
                : MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(o.trials(), caseSeed(o.seed(), index),
                    o.threads()));
            OptionalDouble needed = RequiredInflow.forTarget(funnel, o.confidence(), steps);
            String bottleneck = Sensitivity.exact(funnel, Math.min(BOTTLENECK_STEPS, steps)).bottleneck();
            int a = f.alreadyWon();
            var q = f.wins().quantiles();
            return new Row(index, values, a + f.wins().mean(), f.wins().sd(), a + q.p10(), a + q.p50(), a + q.p90(),
                f.pHitTarget(), needed, bottleneck, null);
        } catch (InputException e) {
            return new Row(index, values, Double.NaN, Double.NaN, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
                null, e.getMessage());
        }
    }

    /** Grid steps a day for the bottleneck's sensitivity (a ranking of stages, not a forecast). */
    static final int BOTTLENECK_STEPS = 50;

    /** The grid's cases: every combination of the values, the first grid's values changing slowest. */
    public static List<List<String>> cases(List<List<String>> grids) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> values : grids) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : values) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    /** Runs every case in order, telling {@code progress} each one done. */
    public static List<Row> runAll(int cases, IntFunction<Row> one, java.util.function.IntConsumer progress) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            rows.add(one.apply(i));
            progress.accept(i + 1);
        }
        return rows;
    }
}
