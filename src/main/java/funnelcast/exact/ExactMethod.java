package funnelcast.exact;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.forecast.Forecast;
import funnelcast.forecast.Pmf;
import funnelcast.law.Law;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.QuickestWin;
import funnelcast.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The exact forecast (docs/model.md, the exact method): inflow wins are Poisson with mean
 * {@code lambda * integral_0^T F(entry, v) dv}, each pipeline deal wins with its own aged
 * probability, and W is the convolution of the two. Exponential dwells use the CTMC transient
 * solution; any other dwell the bracketing renewal grid, whose bounds turn into a proven bound
 * on the total-variation error of the reported pmf.
 */
public final class ExactMethod {
    /** Grid resolution aimed at: about this many steps over the horizon. */
    static final int GRID_STEPS_TARGET = 8000;

    private ExactMethod() {
    }

    /** The default grid for a horizon: ~8000 steps, at most 400 a working day. */
    public static int defaultStepsPerDay(int horizonDays) {
        return Math.max(1, Math.min(400, (GRID_STEPS_TARGET + horizonDays - 1) / horizonDays));
    }

    public static Forecast forecast(Funnel funnel) {
        return forecast(funnel, defaultStepsPerDay(funnel.scenario().horizonDays()));
    }

    public static Forecast forecast(Funnel funnel, int stepsPerDay) {
        return forecast(funnel, stepsPerDay, true);
    }

    /**
     * The forecast without P(revenue >= target) (the revenue's mean and sd are kept): for callers
     * that read only the wins, such as the sensitivity's many solves, which would pay for the
     * revenue grid on each.
     */
    public static Forecast winsForecast(Funnel funnel, int stepsPerDay) {
        return forecast(funnel, stepsPerDay, false);
    }

    /**
     * The wins forecast's figures alone, for records that keep the figures and not the error bound
     * (a day's snapshot): the same pmf, quantiles and P(hit) as {@link #winsForecast}, without the
     * coarser month mixture that only estimates the quadrature's error, so the method's bound
     * holds the grid's part alone.
     */
    public static Forecast winsFigures(Funnel funnel, int stepsPerDay) {
        return figures(funnel, stepsPerDay, new GridCdfs());
    }

    private static Forecast figures(Funnel funnel, int stepsPerDay, GridCdfs cdfs) {
        if (!funnel.scenario().monthEffects().isNone() && funnel.scenario().monthEffects().conversionSd() != 0) {
            return assemble(funnel, MonthNodes.nodes(funnel, MonthNodes.NODES, shifted -> curves(shifted, stepsPerDay, cdfs)),
                false);
        }
        return forecast(funnel, stepsPerDay, false, cdfs);
    }

    /**
     * {@link #winsFigures} and the planner's pieces of the horizon ({@link #horizonWins}) of one
     * funnel, as {@link #solve} gives them together: the same numbers as the two apart.
     */
    public static Solution figuresAndHorizon(Funnel funnel, int stepsPerDay) {
        return solve(funnel, stepsPerDay, false);
    }

    private static Forecast forecast(Funnel funnel, int stepsPerDay, boolean revenueTail) {
        return forecast(funnel, stepsPerDay, revenueTail, new GridCdfs());
    }

    private static Forecast forecast(Funnel funnel, int stepsPerDay, boolean revenueTail, GridCdfs cdfs) {
        if (!funnel.scenario().monthEffects().isNone()) {
            return monthMixture(funnel, stepsPerDay, revenueTail, cdfs);
        }
        return assemble(funnel, List.of(new MonthNodes.Node(1, funnel, curves(funnel, stepsPerDay, cdfs))), revenueTail);
    }

    /**
     * A scenario with month effects: the mixture over the month's conversion shift
     * ({@link MonthNodes}), with the quadrature's error (the mixtures of {@link MonthNodes#NODES}
     * and {@link MonthNodes#COARSE} nodes apart) added to the grid's bounds.
     */
    private static Forecast monthMixture(Funnel funnel, int stepsPerDay, boolean revenueTail, GridCdfs cdfs) {
        Function<Funnel, WinCurves> solve = shifted -> curves(shifted, stepsPerDay, cdfs);
        if (funnel.scenario().monthEffects().conversionSd() == 0) {
            return assemble(funnel, MonthNodes.single(funnel, solve), revenueTail);
        }
        Forecast rough = assemble(funnel, MonthNodes.nodes(funnel, MonthNodes.COARSE, solve), revenueTail);
        Forecast f = assemble(funnel, MonthNodes.nodes(funnel, MonthNodes.NODES, solve), revenueTail);
        double quadrature = MonthNodes.totalVariation(f.wins().pmf(), rough.wins().pmf());
        Forecast.Exact grid = (Forecast.Exact) f.method();
        // revenue's tail, like the pmf, carries the coarse and fine mixtures' difference
        double revenueQuadrature = f.revenue().flatMap(r -> r.pHitTarget().isPresent() ? Optional.of(Math.abs(
            r.pHitTarget().getAsDouble() - rough.revenue().orElseThrow().pHitTarget().getAsDouble())) : Optional.empty())
            .orElse(0.0);
        return new Forecast(f.scenario(), new Forecast.Exact(grid.solver(), grid.pmfTotalVariation() + quadrature,
            grid.meanError() + quadrature, grid.revenueTailError() + quadrature + revenueQuadrature), f.horizonDays(),
            f.target(), f.alreadyWon(), f.wins(), f.pHitTarget(), f.revenue(), f.daily());
    }

    /**
     * A forecast given each node of a month's conversion shift, for a roll-up whose teams share
     * the month: {@code weights[k]} is the rule's weight of node k (the same for every funnel,
     * {@link MonthNodes#NODES} Gauss-Hermite nodes of a standard normal), {@code given.get(k)} the
     * forecast with this funnel's shift at that node (its mean shift plus sd times the node). A
     * funnel without a conversion spread gives its one forecast at every node.
     */
    public record SharedMonth(double[] weights, List<Forecast> given) {
        public SharedMonth {
            weights = weights.clone();
            given = List.copyOf(given);
        }
    }

    public static SharedMonth sharedMonth(Funnel funnel, int stepsPerDay) {
        double[] weights = MonthNodes.weights(MonthNodes.NODES);
        List<Forecast> given = new ArrayList<>();
        if (funnel.scenario().monthEffects().isNone() || funnel.scenario().monthEffects().conversionSd() == 0) {
            Forecast one = winsForecast(funnel, stepsPerDay);
            for (int k = 0; k < weights.length; k++) {
                given.add(one);
            }
        } else {
            GridCdfs cdfs = new GridCdfs();
            Function<Funnel, WinCurves> solve = shifted -> curves(shifted, stepsPerDay, cdfs);
            for (MonthNodes.Node n : MonthNodes.nodes(funnel, MonthNodes.NODES, solve)) {
                given.add(assemble(funnel, List.of(new MonthNodes.Node(1, n.funnel(), n.curves())), false));
            }
        }
        return new SharedMonth(weights, given);
    }

    /** The largest grid the renewal solver takes (its time grows as N log^2 N, its memory as N). */
    static final long MAX_GRID_STEPS = 100_000;
    /** The most uniformization jumps: a dwell far shorter than a day over a long horizon needs more. */
    static final double MAX_JUMPS = 5e6;

    static WinCurves curves(Funnel funnel, int stepsPerDay) {
        return curves(funnel, stepsPerDay, new GridCdfs());
    }

    /** The same, sharing the grid cdfs {@code cdfs} with the other nodes of a month's mixture. */
    static WinCurves curves(Funnel funnel, int stepsPerDay, GridCdfs cdfs) {
        double lambdaT = funnel.scenario().inflow().perDay() * funnel.scenario().horizonDays();
        if (lambdaT > Inflow.MAX_PER_HORIZON) {
            throw new InputException(String.format(Locale.ROOT,
                "the exact method takes inflows up to %.0g new deals per horizon, got %.3g", Inflow.MAX_PER_HORIZON, lambdaT));
        }
        if (funnel.allExponential() && funnel.push().isNone() && Uniformization.jumps(funnel) <= MAX_JUMPS) {
            return new Uniformization(funnel);
        }
        long steps = (long) stepsPerDay * funnel.scenario().horizonDays();
        if (steps > MAX_GRID_STEPS) {
            throw new InputException("the exact method's grid would need " + steps + " steps (" + stepsPerDay
                + " a day over " + funnel.scenario().horizonDays() + " working days), above " + MAX_GRID_STEPS
                + ": use fewer --grid-steps or --method monte-carlo");
        }
        return new RenewalGrid(funnel, stepsPerDay, cdfs);
    }

    /** The pieces of the horizon's wins (at its last day) for the planner. */
    public static HorizonWins horizonWins(Funnel funnel, int stepsPerDay) {
        return horizonWins(funnel, curves(funnel, stepsPerDay));
    }

    /** A forecast and the planner's pieces of its horizon, from one solve of the win curves. */
    public record Solution(Forecast forecast, HorizonWins horizonWins) {
    }

    /**
     * The forecast and the horizon's pieces together: the win curves are solved once for both
     * (month effects solve their own nodes for the forecast, as {@link #forecast} does).
     */
    public static Solution solve(Funnel funnel, int stepsPerDay) {
        return solve(funnel, stepsPerDay, true);
    }

    /**
     * The forecast ({@code whole}: as {@link #forecast} gives it; otherwise its figures alone, as
     * {@link #winsFigures}) and the horizon's pieces, the month's nodes sharing the grid cdfs.
     */
    private static Solution solve(Funnel funnel, int stepsPerDay, boolean whole) {
        GridCdfs cdfs = new GridCdfs();
        WinCurves curves = curves(funnel, stepsPerDay, cdfs);
        // each deal's wins by day serve both (the forecast's days and the horizon's last)
        List<Bounds[]> wins = dealWins(funnel, funnel, curves);
        Forecast forecast;
        if (funnel.scenario().monthEffects().isNone()) {
            forecast = assemble(funnel, List.of(new MonthNodes.Node(1, funnel, curves)), List.of(wins), whole);
        } else {
            forecast = whole ? monthMixture(funnel, stepsPerDay, true, cdfs) : figures(funnel, stepsPerDay, cdfs);
        }
        return new Solution(forecast, horizonWins(funnel, curves, wins));
    }

    private static HorizonWins horizonWins(Funnel funnel, WinCurves curves) {
        return horizonWins(funnel, curves, dealWins(funnel, funnel, curves));
    }

    private static HorizonWins horizonWins(Funnel funnel, WinCurves curves, List<Bounds[]> dealWins) {
        Scenario scenario = funnel.scenario();
        int horizon = scenario.horizonDays();
        List<Bounds> wins = new ArrayList<>();
        Convolution pipeline = new Convolution();
        double error = 0;
        for (int g = 0; g < scenario.pipeline().size(); g++) {
            PipelineDeal deal = scenario.pipeline().get(g);
            Bounds q = dealWins.get(g)[horizon - 1];
            wins.add(q);
            pipeline.addBinomial(deal.count(), q.mid());
            error += deal.count() * q.halfWidth();
        }
        return new HorizonWins(curves.describe(), horizon, QuickestWin.from(funnel, funnel.entry()),
            curves.inflowIntegral(horizon), wins, pipeline.pmf(), error);
    }

    /**
     * For each open stage, the chance that a deal entering it now (age 0) is won by the end of
     * the horizon, at the grid's midpoint (a teaching figure; the forecast carries the bounds).
     */
    public static double[] winInHorizon(Funnel funnel, int stepsPerDay) {
        WinCurves curves = curves(funnel, stepsPerDay);
        int horizon = funnel.scenario().horizonDays();
        double[] out = new double[funnel.stageCount()];
        for (int s = 0; s < out.length; s++) {
            out[s] = curves.dealWins(s, 0)[horizon - 1].mid();
        }
        return out;
    }

    /**
     * What one new deal a day on each working day k adds to the horizon's expected wins: the
     * integral of the entry's win curve over the day's arrivals (midpoints), for weighing a team's
     * days and a hire's.
     */
    public static double[] inflowWeights(Funnel funnel, int stepsPerDay) {
        int horizon = funnel.scenario().horizonDays();
        Bounds[] slices = curves(funnel, stepsPerDay).inflowSlices(horizon);
        double[] w = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            w[horizon - 1 - j] = slices[j].mid(); // arrivals on day horizon - j are aged j to j + 1 days at its end
        }
        return w;
    }

    public static HorizonWins horizonWins(Funnel funnel) {
        return horizonWins(funnel, defaultStepsPerDay(funnel.scenario().horizonDays()));
    }

    /** Forces the renewal grid, to check it against the CTMC solution on exponential funnels. */
    public static Forecast forecastOnGrid(Funnel funnel, int stepsPerDay) {
        return assemble(funnel, List.of(new MonthNodes.Node(1, funnel, new RenewalGrid(funnel, stepsPerDay, new GridCdfs()))), true);
    }

    /**
     * The forecast mixed over the month effects' nodes: at each node the pipeline's wins are
     * Poisson-binomial and the inflow's wins Poisson, or negative binomial when the inflow factor
     * is a Gamma variable (a Gamma-mixed Poisson); the pmf, its moments and the revenue's are
     * the weighted mixtures; the TV bound is the weighted nodes' bounds.
     */
    private static Forecast assemble(Funnel funnel, List<MonthNodes.Node> nodes, boolean revenueTail) {
        List<List<Bounds[]>> dealWins = new ArrayList<>();
        for (MonthNodes.Node node : nodes) {
            dealWins.add(dealWins(funnel, node.funnel(), node.curves()));
        }
        return assemble(funnel, nodes, dealWins, revenueTail);
    }

    /**
     * Each pipeline deal's wins by day on these curves: the node's funnel holds the pipeline at
     * the month's pace (ages divided by it). Deals apart from each other, on the caller's parallelism; kept in
     * the pipeline's order.
     */
    private static List<Bounds[]> dealWins(Funnel funnel, Funnel node, WinCurves curves) {
        // deals at one stage and age have the same chances: each distinct pair is solved once (a CRM's
        // dates known to the day give many deals one age)
        Map<StageAge, Integer> distinct = new LinkedHashMap<>();
        List<StageAge> keys = new ArrayList<>();
        for (PipelineDeal deal : node.scenario().pipeline()) {
            StageAge key = new StageAge(funnel.index(deal.stage()), deal.age());
            if (distinct.putIfAbsent(key, keys.size()) == null) {
                keys.add(key);
            }
        }
        List<Bounds[]> solved = Parallelism.current().map(keys, k -> curves.dealWins(k.stage(), k.age()));
        List<Bounds[]> out = new ArrayList<>();
        for (PipelineDeal deal : node.scenario().pipeline()) {
            out.add(solved.get(distinct.get(new StageAge(funnel.index(deal.stage()), deal.age()))));
        }
        return out;
    }

    /** A pipeline deal's stage and age, which alone set its chances to win. */
    private record StageAge(int stage, double age) {
    }

    /** The same, with each node's deal wins already solved ({@code dealWins.get(node).get(deal)[day - 1]}). */
    private static Forecast assemble(Funnel funnel, List<MonthNodes.Node> nodes, List<List<Bounds[]>> dealWins,
                                     boolean revenueTail) {
        Scenario scenario = funnel.scenario();
        MonthEffects effects = scenario.monthEffects();
        int horizon = scenario.horizonDays();
        double[] teamDaily = funnel.dailyInflow();
        // a team's day-by-day inflow weighs each day's arrivals; a constant rate multiplies the integral
        double lambda = teamDaily == null ? scenario.inflow().perDay() * effects.inflowFactor() : effects.inflowFactor();
        List<PipelineDeal> pipeline = scenario.pipeline();
        List<Bounds[][]> slices = new ArrayList<>(); // per node, each day's slices of I, under a team's inflow
        for (MonthNodes.Node node : nodes) {
            if (teamDaily != null) {
                slices.add(DailyInflow.slices(node.curves(), horizon));
            }
        }

        List<Forecast.Day> daily = new ArrayList<>();
        double[] pmf = null;
        double tvBound = 0;
        double meanError = 0;
        double mean = 0;
        double variance = 0;
        for (int day = 1; day <= horizon; day++) {
            double[] p = {};
            double bound = 0;
            double meanBound = 0;
            double m = 0;
            double second = 0;
            double within = 0;
            for (int j = 0; j < nodes.size(); j++) {
                MonthNodes.Node node = nodes.get(j);
                Bounds inflow = teamDaily == null ? node.curves().inflowIntegral(day)
                    : DailyInflow.weighted(slices.get(j), day, teamDaily);
                Convolution sum = new Convolution();
                double nodeBound = TotalVariation.poisson(lambda, inflow);
                double nodeMeanError = lambda * inflow.halfWidth();
                // Moments in closed form (Poisson or negative binomial plus binomials), not from the pmf cut at 1e-12.
                double nodeMean = lambda * inflow.mid();
                double nodeVariance = nodeMean + nodeMean * nodeMean * effects.inflowCv() * effects.inflowCv();
                for (int g = 0; g < pipeline.size(); g++) {
                    Bounds q = dealWins.get(j).get(g)[day - 1];
                    int count = pipeline.get(g).count();
                    sum.addBinomial(count, q.mid());
                    nodeBound += count * q.halfWidth();
                    nodeMeanError += count * q.halfWidth();
                    nodeMean += count * q.mid();
                    nodeVariance += count * q.mid() * (1 - q.mid());
                }
                sum.addInflow(lambda * inflow.mid(), effects.inflowCv());
                p = Convolution.mix(p, sum.pmf(), node.weight());
                bound += node.weight() * nodeBound;
                meanBound += node.weight() * nodeMeanError;
                m += node.weight() * nodeMean;
                second += node.weight() * nodeMean * nodeMean;
                within += node.weight() * nodeVariance;
            }
            double v = within + Math.max(0, second - m * m);
            daily.add(new Forecast.Day(day, scenario.calendar().date(day), m, Pmf.quantile(p, 0.10),
                Pmf.quantile(p, 0.25), Pmf.quantile(p, 0.50), Pmf.quantile(p, 0.75), Pmf.quantile(p, 0.90)));
            if (day == horizon) {
                pmf = p;
                tvBound = bound;
                meanError = meanBound;
                mean = m;
                variance = v;
            }
        }

        OptionalInt target = scenario.target().wins();
        int already = scenario.target().alreadyWon();
        OptionalDouble pHit = target.isPresent()
            ? OptionalDouble.of(Pmf.tail(pmf, target.getAsInt() - already)) : OptionalDouble.empty();
        Forecast.Wins wins = new Forecast.Wins(mean, Math.sqrt(variance), pmf, Pmf.quantiles(pmf));
        Optional<Forecast.Revenue> revenue = Optional.empty();
        double revenueError = Double.NaN;
        if (scenario.dealValue().isPresent()) {
            Law value = scenario.dealValue().get();
            double rMean = 0;
            double rSecond = 0;
            double rWithin = 0;
            List<RevenueTail.Node> tailNodes = new ArrayList<>();
            for (int j = 0; j < nodes.size(); j++) {
                double w = nodes.get(j).weight();
                double inflowWins = lambda * (teamDaily == null
                        ? nodes.get(j).curves().inflowIntegral(horizon)
                        : DailyInflow.weighted(slices.get(j), horizon, teamDaily)).mid();
                Moments mv = revenue(scenario, value, inflowWins, effects.inflowCv(), dealWins.get(j));
                rMean += w * mv.mean();
                rSecond += w * mv.mean() * mv.mean();
                rWithin += w * mv.variance();
                double[] dealWin = new double[pipeline.size()];
                for (int g = 0; g < dealWin.length; g++) {
                    dealWin[g] = dealWins.get(j).get(g)[horizon - 1].mid();
                }
                tailNodes.add(new RevenueTail.Node(w, inflowWins, dealWin));
            }
            OptionalDouble pRevenue = OptionalDouble.empty();
            if (revenueTail && scenario.target().revenue().isPresent()) {
                // the grid's bracket, and the win counts' own error: revenue is a function of which deals win
                RevenueTail.Tail tail = RevenueTail.pAtLeast(scenario.target().revenue().getAsDouble(), value,
                    effects.inflowCv(), pipeline, tailNodes);
                pRevenue = OptionalDouble.of(tail.value());
                revenueError = tail.error() + tvBound;
            }
            double rSd = Math.sqrt(Math.max(0, rWithin + Math.max(0, rSecond - rMean * rMean)));
            revenue = Optional.of(new Forecast.Revenue(rMean, rSd, Optional.empty(), pRevenue));
        }
        // The mean of W moves by at most the sum of the half-widths; the pmf by the Poisson's own TV bound and the deals'.
        String solver = nodes.get(0).curves().describe() + (nodes.size() > 1
            ? ", mixed over " + nodes.size() + " Gauss-Hermite nodes of the month's conversion shift" : "");
        Forecast.Exact method = new Forecast.Exact(solver, tvBound, meanError, revenueError);
        return new Forecast(scenario.name(), method, horizon, target, already, wins, pHit, revenue, daily);
    }

    /** The mean and variance of one month branch's revenue. */
    private record Moments(double mean, double variance) {
    }

    /**
     * Mean and variance of revenue: a sum of independent compound Bernoulli terms and a compound
     * Poisson term (compound negative binomial when the inflow factor has coefficient of variation cv).
     */
    private static Moments revenue(Scenario scenario, Law value, double inflowWins, double cv,
                                    List<Bounds[]> dealWins) {
        int horizon = scenario.horizonDays();
        double m1 = value.mean();
        double m2 = value.variance() + m1 * m1;
        double mean = inflowWins * m1;
        double variance = inflowWins * m2 + inflowWins * inflowWins * cv * cv * m1 * m1;
        List<PipelineDeal> pipeline = scenario.pipeline();
        for (int g = 0; g < pipeline.size(); g++) {
            PipelineDeal deal = pipeline.get(g);
            double q = dealWins.get(g)[horizon - 1].mid();
            double v1 = deal.value().isPresent() ? deal.value().getAsDouble() : m1;
            double v2 = deal.value().isPresent() ? v1 * v1 : m2;
            mean += deal.count() * q * v1;
            variance += deal.count() * (q * v2 - q * q * v1 * v1);
        }
        return new Moments(mean, Math.max(0, variance));
    }
}
