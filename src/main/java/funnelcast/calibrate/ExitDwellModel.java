package funnelcast.calibrate;

import funnelcast.law.Law;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<Observation> obs = sample.obs();
        List<String> exits = new ArrayList<>();
        for (Observation o : obs) {
            if (o.completed() && !exits.contains(o.dest())) {
                exits.add(o.dest());
            }
        }
        if (exits.size() < 2) {
            return null;
        }
        int n = obs.size();
        Map<String, double[]> weights = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        int completed = 0;
        for (Observation o : obs) {
            completed += o.completed() ? 1 : 0;
        }
        for (String d : exits) {
            double[] w = new double[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (obs.get(i).completed() && obs.get(i).dest().equals(d)) {
                    w[i] = 1;
                    count++;
                }
            }
            weights.put(d, w);
            shares.put(d, (double) count / completed);
        }
        Map<String, String> family = new LinkedHashMap<>();
        Map<String, DwellFit> fits = new LinkedHashMap<>();
        double previous = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // M-step: each exit's dwell from its (weighted) visits
            for (String d : exits) {
                double[] w = weights.get(d);
                DwellFit f;
                if (!family.containsKey(d)) {
                    f = null;
                    for (String fam : DwellFit.FAMILIES) {
                        DwellFit candidate = DwellFit.fit(fam, sample, w, null);
                        if (candidate != null && (f == null || candidate.aic() < f.aic())) {
                            f = candidate;
                        }
                    }
                    if (f == null) {
                        return null;
                    }
                    family.put(d, f.family());
                } else {
                    f = DwellFit.refit(fits.get(d), sample, w);
                    if (f == null) {
                        return null;
                    }
                }
                fits.put(d, f);
            }
            // E-step: memberships of the open visits, and the observed-data log-likelihood
            Map<String, Law.Evaluation> laws = new LinkedHashMap<>();
            for (String d : exits) {
                laws.computeIfAbsent(d, k -> fits.get(k).law().evaluation());
            }
            ll = 0;
            for (int i = 0; i < n; i++) {
                Observation o = obs.get(i);
                if (o.completed()) {
                    ll += Math.log(shares.get(o.dest())) + DwellFit.term(laws.get(o.dest()), o);
                    if (stalled > 0) {
                        ll += Math.log1p(-stalled);
                    }
                    continue;
                }
                double total = 0;
                for (String d : exits) {
                    total += shares.get(d) * laws.get(d).survival(o.lo());
                }
                if (stalled > 0) {
                    total = stalled + (1 - stalled) * total;
                }
                ll += Math.log(Math.max(total, 1e-300));
                for (String d : exits) {
                    weights.get(d)[i] = total > 0 ? (1 - stalled) * shares.get(d) * laws.get(d).survival(o.lo())
                        / total : 1.0 / exits.size();
                }
            }
            double moving = 0;
            Map<String, Double> sums = new LinkedHashMap<>();
            for (String d : exits) {
                double sum = 0;
                for (double w : weights.get(d)) {
                    sum += w;
                }
                sums.put(d, sum);
                moving += sum;
            }
            for (String d : exits) {
                shares.put(d, sums.get(d) / (stalled > 0 ? moving : n));
            }
            if (Math.abs(ll - previous) < 1e-7 * Math.max(1, Math.abs(ll))) {
                break;
            }
            previous = ll;
        }
        Map<String, Double> effective = new LinkedHashMap<>();
        int k = exits.size() - 1;
        for (String d : exits) {
            effective.put(d, shares.get(d) * n * (1 - stalled));
            k += fits.get(d).parameters();
        }
        k += stalled > 0 ? 1 : 0;
        Map<String, Double> orderedShares = new LinkedHashMap<>();
        exits.stream().sorted(Comparator.comparingDouble((String d) -> -shares.get(d)))
            .forEach(d -> orderedShares.put(d, shares.get(d)));
        return new ExitDwellModel(orderedShares, effective, fits, ll, k, 2 * k - 2 * ll, stalled);
    }

    /** The visit's survival under the model: pi + (1 - pi) sum_d p_d S_d(t), for the Kaplan-Meier comparison. */
    double survival(double t) {
        double s = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            s += e.getValue() * fits.get(e.getKey()).law().survival(t);
        }
        return stalled > 0 ? stalled + (1 - stalled) * s : s;
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
