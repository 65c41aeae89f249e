package funnelcast.reps;

import funnelcast.Parallelism;
import funnelcast.calibrate.Calibration;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import funnelcast.model.Target;
import funnelcast.plan.RequiredInflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * The reps' funnels, each shrunk toward the team's by hierarchical empirical Bayes.
 *
 * <ul>
 * <li>Exits: at each stage, rep r's exit probabilities are Dirichlet(alpha pi), pi the team's
 * calibrated exits; alpha maximises the Dirichlet-multinomial marginal likelihood of the reps'
 * exit counts (Brent on log alpha): the completed visits, and the open ones' expected exits where
 * the dwells are exit-specific (fractional counts, as the calibration's EM counts them). Rep r's posterior is Dirichlet(alpha pi + n_r): its
 * advance exit is Beta(a, A - a), and P(below the team) = P(theta_advance &lt; pi_advance). When
 * the reps differ no more than chance, alpha is large and everyone sits at the team's rates; alpha is at
 * most the team's visits at the stage, so that a rep's funnel is never more certain than the team's
 * data make it.</li>
 * <li>Inflow: new deals at the entry, Gamma-Poisson: rep r's rate ~ Gamma(shape, shape / mean
 * rate), the shape by the negative binomial marginal likelihood, the posterior Gamma(shape + D_r,
 * shape / mean + days), the shape at most the team's new deals.</li>
 * <li>A stage is flagged for a rep when P(below) is at least {@link #FLAG_PROBABILITY} and the gap
 * costs at least {@link #FLAG_WINS} expected win a month: the rep's visits a month there times
 * (team's advance - rep's) times the win probability from the stage advanced to.</li>
 * </ul>
 */
public record RepFunnels(List<RepFunnel> reps, List<StageSpread> stages, double months, OptionalInt quota) {
    public static final double FLAG_PROBABILITY = 0.9;
    public static final double FLAG_WINS = 1.0;
    /** The confidence of each rep's daily number, as plan's default. */
    public static final double CONFIDENCE = 0.8;
    /** Fewer completed visits at the entry than this: the rep's funnel is mostly the team's, and is said to be. */
    public static final int LITTLE_HISTORY = 20;
    private static final double LOG_ALPHA_MIN = Math.log(0.05);
    private static final double Z = 0.90;

    /** How much the reps' exits spread at a stage: the team's advance and the prior strength alpha. */
    public record StageSpread(String stage, String advanceTo, double teamAdvance, double alpha) {
    }

    /** A rep at a stage: the advance, raw and shrunk with its 90% interval, the team's, and the flag. */
    public record StageScore(String stage, String advanceTo, double visits, double advanced, double advance, double lower,
                             double upper, double teamAdvance, double pBelowTeam, double winsCostPerMonth, boolean flagged,
                             List<String> skills) {
    }

    /** A rep: inflow (90% interval), stage scores, open deals and the forecast of the quota. */
    public record RepFunnel(String rep, int newDeals, double inflowPerDay, double inflowLower, double inflowUpper,
                            boolean littleHistory, List<StageScore> stages, int openDeals, double expectedWins,
                            OptionalDouble pHitQuota, OptionalDouble inflowNeededPerDay) {
        /** The stages flagged, the costliest first. */
        public List<StageScore> flags() {
            return stages.stream().filter(StageScore::flagged)
                .sorted(Comparator.comparingDouble(StageScore::winsCostPerMonth).reversed()).toList();
        }
    }

    /**
     * The reps of a calibration (those with a completed visit or a new deal): {@code skills} by
     * stage id (from a scenario, or empty), {@code quota} each rep's target wins in the horizon,
     * {@code stepsPerDay} the exact method's grid.
     */
    public static RepFunnels of(Calibration c, Map<String, List<String>> skills, OptionalInt quota, int stepsPerDay) {
        Scenario team = c.scenario();
        Funnel funnel = Funnel.of(team);
        Absorption chain = Absorption.of(funnel);
        double months = c.inflow().days() / team.monthDays();
        Set<String> names = new LinkedHashSet<>(c.repNewDeals().keySet());
        for (Calibration.StageFit f : c.stages()) {
            names.addAll(f.repExits().keySet());
        }
        List<String> reps = names.stream().sorted().toList();
        List<StageSpread> spreads = new ArrayList<>();
        // per stage: each rep's posterior Dirichlet parameters over the stage's exits, in the team's exit order
        List<double[][]> posteriors = new ArrayList<>();
        List<List<StageScore>> scores = new ArrayList<>();
        for (String r : reps) {
            scores.add(new ArrayList<>());
        }
        for (int s = 0; s < funnel.stageCount(); s++) {
            Stage stage = funnel.stage(s);
            Calibration.StageFit fit = c.stages().stream().filter(f -> f.id().equals(stage.id())).findFirst().orElseThrow();
            int k = stage.exits().size();
            double[] pi = new double[k];
            for (int j = 0; j < k; j++) {
                pi[j] = stage.exits().get(j).probability();
            }
            double[][] n = new double[reps.size()][k];
            for (int r = 0; r < reps.size(); r++) {
                Map<String, Double> seen = fit.repExits().getOrDefault(reps.get(r), Map.of());
                for (int j = 0; j < k; j++) {
                    n[r][j] = seen.getOrDefault(stage.exits().get(j).to(), 0.0);
                }
            }
            double alpha = alpha(pi, n);
            int adv = chain.advanceExit(s);
            String advanceTo = adv < 0 ? null : stage.exits().get(adv).to();
            spreads.add(new StageSpread(stage.id(), advanceTo, adv < 0 ? Double.NaN : pi[adv], alpha));
            double[][] post = new double[reps.size()][k];
            for (int r = 0; r < reps.size(); r++) {
                for (int j = 0; j < k; j++) {
                    post[r][j] = alpha * pi[j] + n[r][j];
                }
                if (adv < 0) {
                    continue;
                }
                double total = 0;
                double visits = 0;
                for (int j = 0; j < k; j++) {
                    total += post[r][j];
                    visits += n[r][j];
                }
                BetaDistribution beta = BetaDistribution.of(post[r][adv], total - post[r][adv]);
                double mean = post[r][adv] / total;
                double pBelow = beta.cumulativeProbability(pi[adv]);
                int next = funnel.dest(s, adv);
                double h = next < funnel.stageCount() ? chain.winProbability(next) : 1.0;
                double cost = months > 0 ? visits / months * (pi[adv] - mean) * h : 0;
                boolean flagged = pBelow >= FLAG_PROBABILITY && cost >= FLAG_WINS;
                scores.get(r).add(new StageScore(stage.id(), advanceTo, visits, n[r][adv], mean,
                    beta.inverseCumulativeProbability((1 - Z) / 2), beta.inverseCumulativeProbability((1 + Z) / 2), pi[adv],
                    pBelow, cost, flagged, skills.getOrDefault(stage.id(), List.of())));
            }
            posteriors.add(post);
        }
        // inflow: Gamma-Poisson over the reps, all observed over the calibration's inflow days
        double days = c.inflow().days();
        int[] d = new int[reps.size()];
        long total = 0;
        for (int r = 0; r < reps.size(); r++) {
            d[r] = c.repNewDeals().getOrDefault(reps.get(r), 0);
            total += d[r];
        }
        double meanRate = reps.isEmpty() ? 0 : total / (reps.size() * days);
        double shape = inflowShape(d, days, meanRate);
        double rateParam = meanRate > 0 ? shape / meanRate : 1;
        // each rep's forecast and daily number, the reps apart from each other on the caller's parallelism
        List<Integer> index = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            index.add(r);
        }
        List<RepFunnel> out = Parallelism.current().map(index, r -> {
            String rep = reps.get(r);
            double a = shape + d[r];
            double b = rateParam + days;
            GammaDistribution g = GammaDistribution.of(Math.max(a, 1e-9), 1 / b);
            double perDay = a / b;
            Scenario own = repScenario(team, funnel, posteriors, r, rep, perDay, quota);
            Funnel ownFunnel = Funnel.of(own);
            Forecast f = ExactMethod.forecast(ownFunnel, stepsPerDay);
            OptionalDouble needed = quota.isPresent() ? RequiredInflow.forTarget(ownFunnel, CONFIDENCE, stepsPerDay)
                : OptionalDouble.empty();
            double entryVisits = scores.get(r).stream().filter(x -> x.stage().equals(team.entry()))
                .mapToDouble(StageScore::visits).sum();
            return new RepFunnel(rep, d[r], perDay, g.inverseCumulativeProbability((1 - Z) / 2),
                g.inverseCumulativeProbability((1 + Z) / 2), entryVisits < LITTLE_HISTORY, scores.get(r),
                own.pipeline().size(), f.wins().mean(), f.pHitTarget(), needed);
        });
        return new RepFunnels(out, spreads, months, quota);
    }

    /** The rep's funnel: the team's with the rep's posterior exits, the rep's inflow and open deals, the quota as target. */
    private static Scenario repScenario(Scenario team, Funnel funnel, List<double[][]> posteriors, int r, String rep,
                                        double perDay, OptionalInt quota) {
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < funnel.stageCount(); s++) {
            Stage st = funnel.stage(s);
            double[] a = posteriors.get(s)[r];
            double total = 0;
            for (double x : a) {
                total += x;
            }
            List<Exit> exits = new ArrayList<>();
            for (int j = 0; j < st.exits().size(); j++) {
                Exit e = st.exits().get(j);
                exits.add(new Exit(e.to(), a[j] / total, e.dwell(), e.ownDwell()));
            }
            stages.add(st.withExits(exits, st.dwell()));
        }
        List<PipelineDeal> pipeline = team.pipeline().stream().filter(p -> rep.equals(p.rep())).toList();
        Target target = quota.isPresent() ? new Target(quota, 0, OptionalDouble.empty()) : Target.NONE;
        return new Scenario(team.name() + ": " + rep, team.calendar(), team.entry(), stages, new Inflow(perDay, 0, null),
            pipeline, target, team.dealValue(), team.monthEffects());
    }

    /**
     * The Dirichlet prior's strength alpha that maximises the reps' Dirichlet-multinomial marginal
     * likelihood: sum_r [lnG(alpha) - lnG(alpha + N_r) + sum_j (lnG(alpha pi_j + n_rj) - lnG(alpha pi_j))].
     * With fewer than two reps who visited the stage there is no spread to learn: the largest alpha.
     */
    static double alpha(double[] pi, double[][] n) {
        int withVisits = 0;
        for (double[] row : n) {
            double sum = 0;
            for (double x : row) {
                sum += x;
            }
            withVisits += sum > 0 ? 1 : 0;
        }
        // the prior is worth at most the team's own visits: where the reps do not differ, each rep's funnel is the
        // team's, as uncertain as the team's is, not more certain than its data
        double all = 0;
        for (double[] row : n) {
            for (double x : row) {
                all += x;
            }
        }
        double most = Math.log(Math.max(all, 1));
        if (withVisits < 2) {
            return Math.exp(most);
        }
        DoubleUnaryOperator negLl = logAlpha -> {
            double alpha = Math.exp(logAlpha);
            double ll = 0;
            for (double[] row : n) {
                double total = 0;
                for (int j = 0; j < row.length; j++) {
                    if (pi[j] > 0) {
                        ll += LogGamma.value(alpha * pi[j] + row[j]) - LogGamma.value(alpha * pi[j]);
                        total += row[j];
                    }
                }
                ll += LogGamma.value(alpha) - LogGamma.value(alpha + total);
            }
            return -ll;
        };
        return Math.exp(minimize(negLl, LOG_ALPHA_MIN, Math.max(LOG_ALPHA_MIN + 1, most)));
    }

    /**
     * The Gamma prior's shape for the reps' inflow rates (its mean fixed at the pooled rate), by the
     * negative binomial marginal likelihood sum_r [lnG(a + D_r) - lnG(a) + a ln(b / (b + T)) + D_r ln(T / (b + T))],
     * b = a / mean.
     */
    static double inflowShape(int[] d, double days, double meanRate) {
        // at most the team's new deals: the prior then weighs as much as the team's data, no more
        long all = 0;
        for (int x : d) {
            all += x;
        }
        double most = Math.log(Math.max(all, 1));
        if (d.length < 2 || !(meanRate > 0)) {
            return Math.exp(most);
        }
        DoubleUnaryOperator negLl = logShape -> {
            double a = Math.exp(logShape);
            double b = a / meanRate;
            double ll = 0;
            for (int x : d) {
                ll += LogGamma.value(a + x) - LogGamma.value(a) + a * Math.log(b / (b + days)) + x * Math.log(days / (b + days));
            }
            return -ll;
        };
        return Math.exp(minimize(negLl, LOG_ALPHA_MIN, Math.max(LOG_ALPHA_MIN + 1, most)));
    }

    private static double minimize(DoubleUnaryOperator f, double lo, double hi) {
        return new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(1000), new UnivariateObjectiveFunction(f::applyAsDouble),
            GoalType.MINIMIZE, new SearchInterval(lo, hi, (lo + hi) / 2)).getPoint();
    }
}
