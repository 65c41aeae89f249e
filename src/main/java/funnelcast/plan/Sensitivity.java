package funnelcast.plan;

import funnelcast.Parallelism;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * For each stage: expected wins and P(hit target) when its advance probability moves 5 points
 * either way and when its dwell is scaled by 0.8 and 1.2, ranked by the largest change. The
 * exact method computes every case; the Monte Carlo variant runs every case on the same seed,
 * so the cases share their random numbers (common random numbers) and the differences are not
 * noise. The bottleneck is the stage at the top: where conversion or speed is worth most, by
 * P(hit) where a case moves it, by expected wins otherwise.
 */
public record Sensitivity(String scenario, String method, double baseWins, OptionalDouble basePHit,
                          List<StageEffect> stages) {
    /**
     * Grid steps a day that rank the stages (the bottleneck of a sweep's row and of the explorer):
     * a ranking, not a forecast. On the shipped scenarios and 75 what-ifs of them it gave the
     * same first stage as 50 steps and as the default grid (SensitivityTest), in a quarter of
     * the time of 50.
     */
    public static final int RANKING_STEPS = 10;
    public static final double POINTS = 0.05;
    public static final double FASTER = 0.8;
    public static final double SLOWER = 1.2;
    /** A change of P(hit) no larger than this is round-off, not an effect. */
    static final double NOISE = 1e-9;

    /** The four changes at one stage, as differences from the base. */
    public record StageEffect(String stage, String label, String advanceTo, double meanDwell,
                              double winsUp, double winsDown, double winsFaster, double winsSlower,
                              double pHitUp, double pHitDown, double pHitFaster, double pHitSlower) {
        /** Expected wins per point of conversion at this stage. */
        public double winsPerPoint() {
            return (winsUp - winsDown) / (2 * POINTS * 100);
        }

        /** Expected wins per working day less dwell at this stage. */
        public double winsPerDayFaster() {
            return (winsFaster - winsSlower) / ((SLOWER - FASTER) * meanDwell);
        }

        /** The ranking key: the largest change any of the four cases makes (P(hit) when known). */
        double size(boolean byPHit) {
            return byPHit
                ? max(Math.abs(pHitUp), Math.abs(pHitDown), Math.abs(pHitFaster), Math.abs(pHitSlower))
                : max(Math.abs(winsUp), Math.abs(winsDown), Math.abs(winsFaster), Math.abs(winsSlower));
        }

        private static double max(double a, double b, double c, double d) {
            return Math.max(Math.max(a, b), Math.max(c, d));
        }
    }

    public String bottleneck() {
        return stages.get(0).stage();
    }

    public static Sensitivity exact(Funnel funnel, int stepsPerDay) {
        return of(funnel, "exact (" + stepsPerDay + " grid steps a day where dwells are not exponential)",
            s -> ExactMethod.winsForecast(Funnel.of(s), stepsPerDay), true);
    }

    public static Sensitivity monteCarlo(Funnel funnel, long trials, long seed, int threads) {
        return of(funnel, "monte-carlo (" + trials + " trials, seed " + seed + ", common random numbers)",
            s -> MonteCarloEngine.forecast(Funnel.of(s), new MonteCarloEngine.Options(trials, seed, threads)), false);
    }

    /**
     * Stage {@code stage}'s advance exit ({@link Absorption#advanceExit}) moved by {@code delta},
     * clamped to [0, 1], by the model's rule for changing one exit ({@link Scenario#withExitProbability}).
     */
    static Scenario withAdvance(Funnel funnel, Absorption chain, int stage, double delta) {
        int adv = chain.advanceExit(stage);
        double old = funnel.scenario().stages().get(stage).exits().get(adv).probability();
        return funnel.scenario().withExitProbability(stage, adv, Math.max(0, Math.min(1, old + delta)));
    }

    /**
     * The base and each stage's four changes, forecast by {@code model}: side by side on every
     * core when {@code apart} (exact forecasts are independent of each other), one after another
     * otherwise (the engine uses the cores itself).
     */
    private static Sensitivity of(Funnel funnel, String method, Function<Scenario, Forecast> model, boolean apart) {
        List<Scenario> cases = new ArrayList<>();
        cases.add(funnel.scenario());
        Absorption chain = Absorption.of(funnel);
        for (int s = 0; s < funnel.stageCount(); s++) {
            cases.add(withAdvance(funnel, chain, s, POINTS));
            cases.add(withAdvance(funnel, chain, s, -POINTS));
            cases.add(funnel.scenario().withDwellScale(s, FASTER));
            cases.add(funnel.scenario().withDwellScale(s, SLOWER));
        }
        List<Forecast> f = (apart ? Parallelism.current() : Parallelism.SERIAL).map(cases, model);
        Forecast base = f.get(0);
        List<StageEffect> effects = new ArrayList<>();
        for (int s = 0; s < funnel.stageCount(); s++) {
            int adv = chain.advanceExit(s);
            Forecast up = f.get(1 + 4 * s);
            Forecast down = f.get(2 + 4 * s);
            Forecast faster = f.get(3 + 4 * s);
            Forecast slower = f.get(4 + 4 * s);
            effects.add(new StageEffect(funnel.id(s), funnel.stage(s).label(),
                adv < 0 ? "" : funnel.id(funnel.dest(s, adv)), funnel.stage(s).meanDwell(),
                up.wins().mean() - base.wins().mean(), down.wins().mean() - base.wins().mean(),
                faster.wins().mean() - base.wins().mean(), slower.wins().mean() - base.wins().mean(),
                dp(up, base), dp(down, base), dp(faster, base), dp(slower, base)));
        }
        // P(hit) ranks only where it moves: a target out of reach leaves it 0 in every case, and round-off is no ranking
        boolean byPHit = base.pHitTarget().isPresent() && effects.stream().anyMatch(e -> e.size(true) > NOISE);
        effects.sort(Comparator.comparingDouble((StageEffect e) -> e.size(byPHit)).reversed());
        return new Sensitivity(funnel.scenario().name(), method, base.wins().mean(), base.pHitTarget(), effects);
    }

    private static double dp(Forecast f, Forecast base) {
        return f.pHitTarget().isPresent() ? f.pHitTarget().getAsDouble() - base.pHitTarget().getAsDouble() : 0;
    }
}
