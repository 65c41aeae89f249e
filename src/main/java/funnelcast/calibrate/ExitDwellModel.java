package funnelcast.calibrate;

import funnelcast.Parallelism;
import funnelcast.law.Law;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * The spec's visit model with a dwell per exit, fitted to a stage's visits by EM. A visit still
 * open at the as-of date has not shown its exit; it may be on any exit, and more likely on a slow
 * one: its membership of exit d is {@code p_d S_d(a) / sum_e p_e S_e(a)} (docs/model.md, the model in a paragraph). The
 * M-step re-estimates each exit's share (completed visits plus expected memberships) and fits
 * each exit's dwell to its completed visits and, weighted, the open ones (right-censored). Each
 * exit's family is the best by AIC on the first M-step, then kept. Fitted this way the exit
 * shares are censoring-aware too: counting only completed visits over-weights the quick exits.
 */
public record ExitDwellModel(Map<String, Double> shares, Map<String, Double> effectiveCounts,
                             Map<String, DwellFit> fits, double logLikelihood, int parameters, double aic,
                             double stalled) {
    static final int MAX_ITERATIONS = 60;

    static ExitDwellModel fit(List<Observation> obs) {
        return fit(DwellFit.Sample.of(obs), 0);
    }

    /**
     * Null when there is a single exit (nothing to separate) or an exit cannot be fitted. With a
     * {@code stalled} share (a cure fraction, estimated beforehand), an open visit may also be
     * stalled, with weight {@code stalled} against {@code (1 - stalled) p_d S_d(a)} for exit d, so
     * that very old open visits stop stretching the dwells; the shares are then those of the
     * visits that move on.
     */
    static ExitDwellModel fit(DwellFit.Sample sample, double stalled) {
        Visits obs = sample.obs();
        List<String> exits = new ArrayList<>();
        int n = obs.size();
        int[] exitOf = obs.exitNumbers(exits); // each visit's exit by its place in exits, -1 while open
        if (exits.size() < 2) {
            return null;
        }
        int m = exits.size();
        int[] open = openVisits(exitOf);
        int completed = n - open.length;
        double[][] weights = new double[m][n];
        double[] taken = new double[m];
        double[] shares = new double[m];
        completedWeights(exitOf, weights, taken);
        // each exit's completed visits, whose term in the likelihood does not move with the memberships
        DwellFit.Distinct[] done = new DwellFit.Distinct[m];
        for (int d = 0; d < m; d++) {
            shares[d] = taken[d] / completed;
            done[d] = DwellFit.Distinct.of(sample, weights[d]);
        }
        String[] family = new String[m];
        List<Integer> exitNumbers = IntStream.range(0, m).boxed().toList();
        DwellFit[] fits = new DwellFit[m];
        double previous = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        Law.Evaluation[] laws = new Law.Evaluation[m];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // M-step: each exit's dwell from its (weighted) visits, the exits apart from each other on the
            // caller's threads (the same fits in any order)
            List<DwellFit> step = Parallelism.current().map(exitNumbers, d -> {
                if (family[d] == null) {
                    DwellFit f = null;
                    for (String fam : DwellFit.FAMILIES) {
                        DwellFit candidate = DwellFit.fit(fam, sample, weights[d], null);
                        if (candidate != null && (f == null || candidate.aic() < f.aic())) {
                            f = candidate;
                        }
                    }
                    return f;
                }
                return DwellFit.refit(fits[d], sample, weights[d]);
            });
            for (int d = 0; d < m; d++) {
                DwellFit f = step.get(d);
                if (f == null) {
                    return null;
                }
                family[d] = f.family();
                fits[d] = f;
            }
            // E-step: memberships of the open visits, and the observed-data log-likelihood
            ll = 0;
            for (int d = 0; d < m; d++) {
                laws[d] = fits[d].law().evaluation();
                ll += taken[d] * Math.log(shares[d]) + done[d].logLikelihood(fits[d].law());
            }
            if (stalled > 0) {
                ll += completed * Math.log1p(-stalled);
            }
            double[] sums = taken.clone();
            ll = memberships(ll, obs, open, laws, shares, stalled, weights, sums);
            double moving = 0;
            for (double sum : sums) {
                moving += sum;
            }
            for (int d = 0; d < m; d++) {
                shares[d] = sums[d] / (stalled > 0 ? moving : n);
            }
            if (Math.abs(ll - previous) < 1e-7 * Math.max(1, Math.abs(ll))) {
                break;
            }
            previous = ll;
        }
        Map<String, Double> effective = new LinkedHashMap<>();
        Map<String, DwellFit> fitted = new LinkedHashMap<>();
        int k = m - 1;
        for (int d = 0; d < m; d++) {
            effective.put(exits.get(d), shares[d] * n * (1 - stalled));
            fitted.put(exits.get(d), fits[d]);
            k += fits[d].parameters();
        }
        k += stalled > 0 ? 1 : 0;
        Map<String, Double> orderedShares = new LinkedHashMap<>();
        exitNumbers.stream().sorted(Comparator.comparingDouble((Integer d) -> -shares[d]))
            .forEach(d -> orderedShares.put(exits.get(d), shares[d]));
        return new ExitDwellModel(orderedShares, effective, fitted, ll, k, 2 * k - 2 * ll, stalled);
    }

    /*
     * The loops over every visit stand in methods of their own: the compiler then works on a
     * small method once, not on the whole fit again for each long loop in it (a million-event
     * history's stages hold hundreds of thousands of visits).
     */

    /** The open visits' numbers. */
    private static int[] openVisits(int[] exitOf) {
        int count = 0;
        for (int e : exitOf) {
            count += e < 0 ? 1 : 0;
        }
        int[] open = new int[count];
        int k = 0;
        for (int i = 0; i < exitOf.length; i++) {
            if (exitOf[i] < 0) {
                open[k++] = i;
            }
        }
        return open;
    }

    /** A completed visit weighs 1 on its exit; {@code taken} counts them by exit. */
    private static void completedWeights(int[] exitOf, double[][] weights, double[] taken) {
        for (int i = 0; i < exitOf.length; i++) {
            if (exitOf[i] >= 0) {
                weights[exitOf[i]][i] = 1;
                taken[exitOf[i]]++;
            }
        }
    }

    /**
     * The E-step: each open visit's membership of each exit into {@code weights}, added to
     * {@code sums}; returns {@code ll} with the open visits' terms added one by one.
     */
    private static double memberships(double ll, Visits obs, int[] open, Law.Evaluation[] laws, double[] shares, double stalled,
                                      double[][] weights, double[] sums) {
        int m = laws.length;
        double[] survival = new double[m];
        double sum = ll;
        for (int i : open) {
            double age = obs.lo(i);
            double total = 0;
            for (int d = 0; d < m; d++) {
                survival[d] = laws[d].survival(age);
                total += shares[d] * survival[d];
            }
            if (stalled > 0) {
                total = stalled + (1 - stalled) * total;
            }
            sum += Math.log(Math.max(total, 1e-300));
            for (int d = 0; d < m; d++) {
                double w = total > 0 ? (1 - stalled) * shares[d] * survival[d] / total : 1.0 / m;
                weights[d][i] = w;
                sums[d] += w;
            }
        }
        return sum;
    }

    /**
     * The visit's survival under the model, pi + (1 - pi) sum_d p_d S_d(t), each exit's law built
     * once: the Kaplan-Meier comparison asks it at every step.
     */
    DoubleUnaryOperator survivalFunction() {
        List<Map.Entry<Double, Law.Evaluation>> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            parts.add(Map.entry(e.getValue(), fits.get(e.getKey()).law().evaluation()));
        }
        return t -> {
            double s = 0;
            for (Map.Entry<Double, Law.Evaluation> p : parts) {
                s += p.getKey() * p.getValue().survival(t);
            }
            return stalled > 0 ? stalled + (1 - stalled) * s : s;
        };
    }

    /**
     * An open visit of this age: the chance it ends on each exit, as the E-step weighs it
     * ({@code p_d S_d(a)} over the visits that move on, the stalled share taking the rest).
     */
    Map<String, Double> memberships(double age) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = stalled;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            total += (1 - stalled) * e.getValue() * fits.get(e.getKey()).law().survival(age);
        }
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            out.put(e.getKey(), total > 0 ? (1 - stalled) * e.getValue() * fits.get(e.getKey()).law().survival(age) / total : 0);
        }
        return out;
    }

    Law law(String exit) {
        return fits.get(exit).law();
    }
}
