package funnelcast.rollup;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.forecast.Pmf;
import funnelcast.model.Funnel;
import funnelcast.scenario.Org;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * A roll-up of an organisation: each team's forecast of its total wins this period (already won
 * included), and each level's as the convolution of its children's, assuming the children
 * independent (each with its own month effects inside its own forecast; a month effect they share
 * would make them move together and widen the level's spread, which this roll-up does not add).
 * The exact method's bounds add up the tree: a level's pmf is within the sum of its teams'
 * total-variation bounds of the true convolution.
 */
public record Rollup(String method, List<String> notes, Node root) {
    /**
     * A level or a team: the distribution of its total wins ({@code pmf[k]} = P(total = k)), its
     * quantiles and P(hit) of its target, its share of its parent's expected wins and variance,
     * the sum of its children's P50s (to show it is not the level's P50), and its bound.
     */
    public record Node(String name, String path, boolean team, OptionalInt target, double mean, double sd, double[] pmf,
                       Forecast.CountQuantiles quantiles, OptionalDouble pHitTarget, double shareOfMean,
                       double shareOfVariance, OptionalInt childrenP50Sum, double pmfTotalVariation, List<Node> children) {
        public Node {
            pmf = pmf.clone();
            children = List.copyOf(children);
        }

        Node withShares(double ofMean, double ofVariance) {
            return new Node(name, path, team, target, mean, sd, pmf, quantiles, pHitTarget, ofMean, ofVariance, childrenP50Sum,
                pmfTotalVariation, children);
        }
    }

    /**
     * Every team by the exact method on its default grid. Where a level shares the month, each of
     * its teams is also solved at each node of the month's conversion shift, and the level's wins
     * are the weighted mixture over the nodes of its teams' convolved conditional pmfs.
     */
    public static Rollup exact(Org.Level org) {
        return exact(org, RollupEngine.LOCAL, null);
    }

    /** The same, the teams forecast by the engine given (here, or on a cluster at {@code master}). */
    public static Rollup exact(Org.Level org, RollupEngine engine, String master) {
        boolean shared = anyShared(org);
        if (shared && engine != RollupEngine.LOCAL) {
            throw new InputException("sharedMonth: a month shared by a level is rolled up here only (--engine local)");
        }
        Function<Funnel, ExactMethod.SharedMonth> given = shared
            ? f -> ExactMethod.sharedMonth(f, ExactMethod.defaultStepsPerDay(f.scenario().horizonDays())) : null;
        return of(org, "exact", engine, new RollupEngine.Method(true, 0, 0, 1), master, given);
    }

    private static boolean anyShared(Org.Level org) {
        if (org.sharedMonth()) {
            return true;
        }
        return org.children().stream().anyMatch(c -> c instanceof Org.Level l && anyShared(l));
    }

    /** Every team by Monte Carlo, each on the same trials and seed as its own forecast. */
    public static Rollup monteCarlo(Org.Level org, long trials, long seed, int threads) {
        return monteCarlo(org, trials, seed, threads, RollupEngine.LOCAL, null);
    }

    /** The same on the engine given; on a cluster each team runs on one thread, with the same numbers. */
    public static Rollup monteCarlo(Org.Level org, long trials, long seed, int threads, RollupEngine engine, String master) {
        if (anyShared(org)) {
            throw new InputException("sharedMonth: a month shared by a level is rolled up by the exact method only "
                + "(--method exact)");
        }
        return of(org, "monte-carlo", engine, new RollupEngine.Method(false, trials, seed,
            engine == RollupEngine.LOCAL ? threads : 1), master, null);
    }

    /**
     * The teams' forecasts first (apart from each other on the caller's parallelism where
     * {@code apart}; the engine splits its own trials otherwise), then the tree from them.
     */
    private static Rollup of(Org.Level org, String method, RollupEngine engine, RollupEngine.Method how, String master,
                             Function<Funnel, ExactMethod.SharedMonth> given) {
        List<Org.Team> teams = new ArrayList<>();
        collect(org, teams);
        List<RollupEngine.TeamCase> cases = new ArrayList<>();
        for (Org.Team t : teams) {
            cases.add(new RollupEngine.TeamCase(t.name(), t.file().toString(), text(t.file()),
                t.file().toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$")));
        }
        List<RollupEngine.TeamResult> made = engine.forecast(cases, how, master);
        Map<Org.Team, RollupEngine.TeamResult> forecasts = new IdentityHashMap<>();
        for (int i = 0; i < teams.size(); i++) {
            forecasts.put(teams.get(i), made.get(i));
        }
        Map<Org.Team, ExactMethod.SharedMonth> conditional = new IdentityHashMap<>();
        if (given != null) {
            List<ExactMethod.SharedMonth> each = Parallelism.current().map(teams, t -> given.apply(Funnel.of(t.scenario())));
            for (int i = 0; i < teams.size(); i++) {
                conditional.put(teams.get(i), each.get(i));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("children independent, each team's month effects inside its own forecast, except under a level marked "
            + "sharedMonth, whose teams take one draw of the month's conversion shift (each its own mean and spread) and so "
            + "move together; its spread then carries the mixture over 16 Gauss-Hermite nodes, whose quadrature error is "
            + "not in the bound");
        Set<String> horizons = new LinkedHashSet<>();
        Node root = level(org, "", forecasts, conditional, horizons).node();
        if (horizons.size() > 1) {
            notes.add("the teams' horizons differ (" + String.join("; ", horizons) + "): each level adds each team's own period");
        }
        return new Rollup(method, notes, root);
    }

    private static void collect(Org.Level org, List<Org.Team> into) {
        for (Org child : org.children()) {
            if (child instanceof Org.Level l) {
                collect(l, into);
            } else {
                into.add((Org.Team) child);
            }
        }
    }

    /** A node and, where a month is shared, its pmf given each node of the conversion shift (else null). */
    private record Built(Node node, double[][] given) {
    }

    /** A team's scenario file as text, to travel to the engine. */
    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the scenario: " + e.getMessage());
        }
    }

    private static Built level(Org.Level org, String parent, Map<Org.Team, RollupEngine.TeamResult> forecasts,
                               Map<Org.Team, ExactMethod.SharedMonth> conditional, Set<String> horizons) {
        String path = parent.isEmpty() ? org.name() : parent + " / " + org.name();
        List<Built> built = new ArrayList<>();
        for (Org child : org.children()) {
            if (child instanceof Org.Level l) {
                built.add(level(l, path, forecasts, conditional, horizons));
            } else {
                Org.Team t = (Org.Team) child;
                horizons.add(t.scenario().calendar().start() + ".." + t.scenario().calendar().end());
                ExactMethod.SharedMonth sm = conditional.get(t);
                double[][] given = null;
                if (sm != null) {
                    given = new double[sm.given().size()][];
                    for (int k = 0; k < given.length; k++) {
                        given[k] = RollupEngine.TeamResult.of(sm.given().get(k)).total();
                    }
                }
                built.add(new Built(team(t, path + " / " + t.name(), forecasts.get(t)), given));
            }
        }
        List<Node> children = built.stream().map(Built::node).toList();
        double[] pmf = {1.0};
        double mean = 0;
        double variance = 0;
        double bound = 0;
        int p50s = 0;
        for (Node c : children) {
            pmf = convolve(pmf, c.pmf());
            mean += c.mean();
            variance += c.sd() * c.sd();
            bound += c.pmfTotalVariation();
            p50s += c.quantiles().p50();
        }
        double[][] given = null;
        if (!conditional.isEmpty()) {
            double[] weights = conditional.values().iterator().next().weights();
            given = new double[weights.length][];
            for (int k = 0; k < weights.length; k++) {
                double[] g = {1.0};
                for (Built b : built) {
                    g = convolve(g, b.given()[k]);
                }
                given[k] = g;
            }
            if (org.sharedMonth()) {
                // one draw of the month for every team below: the mixture over the nodes of the convolved conditionals
                int length = 0;
                for (double[] g : given) {
                    length = Math.max(length, g.length);
                }
                pmf = new double[length];
                for (int k = 0; k < weights.length; k++) {
                    for (int i = 0; i < given[k].length; i++) {
                        pmf[i] += weights[k] * given[k][i];
                    }
                }
                double m2 = 0;
                for (int i = 0; i < pmf.length; i++) {
                    m2 += (i - mean) * (i - mean) * pmf[i];
                }
                variance = m2;
            }
        }
        List<Node> shared = new ArrayList<>();
        for (Node c : children) {
            shared.add(c.withShares(mean > 0 ? c.mean() / mean : Double.NaN,
                variance > 0 ? c.sd() * c.sd() / variance : Double.NaN));
        }
        OptionalDouble pHit = org.target().isPresent() ? OptionalDouble.of(Pmf.tail(pmf, org.target().getAsInt()))
            : OptionalDouble.empty();
        return new Built(new Node(org.name(), path, false, org.target(), mean, Math.sqrt(variance), pmf, Pmf.quantiles(pmf),
            pHit, 1, 1, OptionalInt.of(p50s), bound, shared), given);
    }


    /** A team's total this period: its forecast's wins shifted by those already won. */
    private static Node team(Org.Team t, String path, RollupEngine.TeamResult f) {
        double[] pmf = f.total();
        return new Node(t.name(), path, true, f.target() == null ? OptionalInt.empty() : OptionalInt.of(f.target()),
            f.alreadyWon() + f.winsMean(), f.winsSd(), pmf, Pmf.quantiles(pmf),
            f.pHitTarget() == null ? OptionalDouble.empty() : OptionalDouble.of(f.pHitTarget()), 1, 1, OptionalInt.empty(),
            f.pmfTotalVariation(), List.of());
    }

    /** The pmf of the sum of two independent counts. */
    static double[] convolve(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }
}
