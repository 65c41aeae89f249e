package funnelcast.plan;

import funnelcast.model.Absorption;
import funnelcast.exact.ExactMethod;
import funnelcast.exact.HorizonWins;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The funnel-advancement meeting: every pipeline deal with its age percentile in its stage's
 * dwell (stale beyond the 90th), its chance to win this horizon and eventually; grouped by
 * stage, stale deals first, each stage with its review questions and its count against the
 * steady-state stock the target needs (thin below 75% of it).
 */
public record Review(String scenario, double steadyInflowPerDay, List<StageReview> stages) {
    public static final double STALE_PERCENTILE = 0.90;
    public static final double THIN_SHARE = 0.75;

    /** {@code pStalled}: the chance that the deal has stalled, given its age (NaN where its stage has no stalled share). */
    public record DealReview(String deal, int count, String rep, OptionalDouble value, double age,
                             double agePercentile, boolean stale, double pWinInHorizon, double pWinEventually,
                             double pStalled, String name) {
        /** Likelier stalled than not. */
        public boolean likelyStalled() {
            return pStalled > 0.5;
        }
    }

    public record StageReview(String id, String label, List<String> questions, int count, double steadyStock,
                              boolean thin, List<DealReview> deals) {
    }

    /**
     * The same review with only the deals of one rep (the stages' counts, steady stocks and thin
     * flags stay the team's).
     */
    public Review forRep(String rep) {
        List<StageReview> kept = new ArrayList<>();
        for (StageReview s : stages) {
            kept.add(new StageReview(s.id(), s.label(), s.questions(), s.count(), s.steadyStock(), s.thin(),
                s.deals().stream().filter(d -> rep.equals(d.rep())).toList()));
        }
        return new Review(scenario, steadyInflowPerDay, kept);
    }

    /** The reps of the pipeline's deals, in the order they first appear. */
    public List<String> reps() {
        return stages.stream().flatMap(s -> s.deals().stream()).map(DealReview::rep).filter(Objects::nonNull).distinct()
            .toList();
    }

    public List<String> thinStages() {
        return stages.stream().filter(StageReview::thin).map(StageReview::id).toList();
    }

    public static Review of(Funnel funnel, int stepsPerDay) {
        Scenario scenario = funnel.scenario();
        Absorption chain = Absorption.of(funnel);
        SteadyState steady = scenario.target().wins().isPresent()
            ? SteadyState.forWins(funnel, scenario.target().wins().getAsInt())
            : SteadyState.forInflow(funnel, scenario.inflow().perDay());
        HorizonWins horizonWins = ExactMethod.horizonWins(funnel, stepsPerDay);
        List<PipelineDeal> pipeline = scenario.pipeline();
        List<StageReview> stages = new ArrayList<>();
        for (int s = 0; s < funnel.stageCount(); s++) {
            Stage stage = funnel.stage(s);
            List<DealReview> deals = new ArrayList<>();
            int count = 0;
            for (int g = 0; g < pipeline.size(); g++) {
                PipelineDeal d = pipeline.get(g);
                if (!d.stage().equals(stage.id())) {
                    continue;
                }
                count += d.count();
                double percentile = visitCdf(stage, d.age());
                deals.add(new DealReview(d.id() != null ? d.id() : d.count() + (d.count() == 1 ? " deal" : " deals"),
                    d.count(), d.rep(), d.value(), d.age(), percentile, percentile > STALE_PERCENTILE,
                    horizonWins.dealWins().get(g).mid(), eventualWin(funnel, chain, s, d.age()), stalled(funnel, s, d.age()),
                    d.name()));
            }
            deals.sort(Comparator.comparing((DealReview r) -> !r.stale())
                .thenComparing(Comparator.comparingDouble(DealReview::age).reversed()));
            double stock = steady.stages().get(s).inventory();
            stages.add(new StageReview(stage.id(), stage.label(), stage.questions(), count, stock,
                count < THIN_SHARE * stock, deals));
        }
        return new Review(scenario.name(), steady.inflowPerDay(), stages);
    }

    /** P(a visit to the stage lasts at most {@code age}): the mix of the exits' dwells. */
    static double visitCdf(Stage stage, double age) {
        double p = 0;
        for (Exit e : stage.exits()) {
            p += e.probability() * e.dwell().cdf(age);
        }
        return Math.min(1, p);
    }

    /** P(stalled | still at stage s at this age) = pi / (pi + (1 - pi) S(age)): the aged weight of the stalled exit. */
    static double stalled(Funnel funnel, int s, double age) {
        int e = funnel.stalledExit(s);
        return e < 0 ? Double.NaN : funnel.agedExitWeights(s, age)[e];
    }

    /** Whether any stage has a stalled share (the review then shows each deal's chance of having stalled). */
    public boolean showsStalled() {
        return stages.stream().flatMap(st -> st.deals().stream()).anyMatch(d -> !Double.isNaN(d.pStalled()));
    }

    /** h of a deal aged {@code age}: its exits reweighted by their dwells' survival (docs/model.md, the model in a paragraph). */
    static double eventualWin(Funnel funnel, Absorption chain, int s, double age) {
        double[] w = funnel.agedExitWeights(s, age);
        double h = 0;
        for (int e = 0; e < w.length; e++) {
            h += w[e] * chain.winProbability(funnel.dest(s, e));
        }
        return h;
    }
}
