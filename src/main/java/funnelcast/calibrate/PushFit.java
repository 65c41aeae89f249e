package funnelcast.calibrate;

import funnelcast.history.WorkClock;
import funnelcast.model.ClosingPush;
import funnelcast.model.Funnel;
import funnelcast.model.Quarters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntPredicate;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The closing push a history shows. Every visit to a stage with an exit into won is followed
 * through each complete month, split into its body and its last {@link #DAYS} working days (the
 * window). For each part it was open at the start of, the fitted funnel gives the probability
 * that it was won within the part, given that it was still open then; summed, those are the wins
 * the funnel expects there. Inside a window the push clock runs {@code factor} times faster, so a
 * visit open there for a span s of working time has its won-exit dwell advance by
 * {@code factor * s}: the wins expected in the windows, {@code E_w(factor)}, grow with the factor.
 * Counting wins as Poisson with one free base rate, the factor's maximum likelihood estimate makes
 * {@code E_w(factor) / E_o = O_w / O_o} (wins recorded in and out of the windows against those
 * expected), found by Brent's method; the evidence for it is the log likelihood ratio in nats
 * against no push. The push is kept, per month or per quarter (the quarter's windows only,
 * whichever has the stronger evidence), only where it speeds closing up and that evidence reaches
 * {@link #MIN_EVIDENCE}; its log factor is then shrunk toward 0 by a normal prior of sd
 * {@link #PRIOR_SD}, as a random effect with its sampling variance (the delta method's
 * {@code (1/O_w + 1/O_o) / g^2}, g the elasticity of {@code E_w} in the factor).
 */
public record PushFit(boolean quarterly, double windowWins, double windowExpected, double otherWins,
                      double otherExpected, double factor, double evidence, boolean kept) {
    /** The window: a month's or quarter's last three working days. */
    public static final int DAYS = 3;
    /** Evidence needed to keep a push, in nats: a likelihood-ratio test at about 5% on one degree of freedom. */
    static final double MIN_EVIDENCE = 2;
    static final double PRIOR_SD = 0.5;

    /** No push measured (no closing stage or no complete month). */
    static final PushFit NONE = new PushFit(false, 0, 0, 0, 0, 1, 0, false);

    /** The push to forecast with: none unless kept. */
    public ClosingPush push() {
        return kept ? new ClosingPush(factor, DAYS, quarterly) : ClosingPush.NONE;
    }

    /** Why the push was kept or not, with its figures. */
    public String reason() {
        String counts = String.format(Locale.ROOT,
            "%.0f wins in the last %d working days of each %s against %.1f expected without a push, %.0f against %.1f elsewhere; "
                + "evidence %+.1f nats", windowWins, DAYS, quarterly ? "quarter" : "month", windowExpected, otherWins,
            otherExpected, evidence);
        if (kept) {
            return String.format(Locale.ROOT, "closing push: x%.2f (%s)", factor, counts);
        }
        return "closing push: none (" + counts + (windowWins / windowExpected <= otherWins / otherExpected
            ? "; the windows close no faster than the rest)" : ", below " + MIN_EVIDENCE + ")");
    }

    /** A visit open in a window: its exit into won, its age at the window's start and the span it was open for. */
    private record Exposure(int month, int stage, int exit, double age, double span, double alive) {
        /** P(won within the window | open at its start) when the push clock runs {@code factor} times faster. */
        double expected(Funnel funnel, Survivals survivals, double factor) {
            return funnel.prob(stage, exit) * (survivals.at(stage, exit, age) - survivals.at(stage, exit, age + factor * span))
                / alive;
        }
    }

    /** Measures the push over the complete months of the history, for windows per month and per quarter. */
    static PushFit fit(Timeline visits, Funnel funnel, WorkClock clock, List<YearMonth> months,
                       LocalDate first) {
        int n = months.size();
        if (n == 0) {
            return NONE;
        }
        // per month: [body start, window start, month end] in working time
        double[][] parts = new double[n][];
        for (int i = 0; i < n; i++) {
            YearMonth m = months.get(i);
            LocalDate from = m.atDay(1).isBefore(first) ? first : m.atDay(1);
            LocalDate windowStart = m.atEndOfMonth();
            int found = 0;
            for (LocalDate d = m.atEndOfMonth(); !d.isBefore(from) && found < DAYS; d = d.minusDays(1)) {
                if (clock.isWorkingDay(d)) {
                    windowStart = d;
                    found++;
                }
            }
            parts[i] = new double[] {clock.at(from), clock.at(windowStart), clock.endOf(m.atEndOfMonth())};
        }
        double[] ends = new double[n];
        for (int i = 0; i < n; i++) {
            ends[i] = parts[i][2];
        }
        double[] bodyWins = new double[n];
        double[] bodyExpected = new double[n];
        double[] windowWins = new double[n];
        Survivals survivals = new Survivals(funnel);
        List<Exposure> exposures = new ArrayList<>();
        expose(visits, funnel, survivals, parts, ends, bodyWins, bodyExpected, windowWins, exposures);
        PushFit monthly = estimate(false, funnel, survivals, exposures, bodyWins, bodyExpected, windowWins, months);
        PushFit quarterly = estimate(true, funnel, survivals, exposures, bodyWins, bodyExpected, windowWins, months);
        if (quarterly.kept != monthly.kept) {
            return quarterly.kept ? quarterly : monthly;
        }
        return quarterly.evidence > monthly.evidence ? quarterly : monthly;
    }

    /**
     * Each open-stage visit's exposure in each month's body and closing window: the wins seen and
     * expected in the bodies, the windows' exposures kept for the estimate. The loop over every
     * visit is a method of its own, so that the compiler takes it alone.
     */
    private static void expose(Timeline visits, Funnel funnel, Survivals survivals, double[][] parts,
                               double[] ends, double[] bodyWins, double[] bodyExpected, double[] windowWins,
                               List<Exposure> exposures) {
        int n = ends.length;
        int won = funnel.won();
        for (int vi = 0; vi < visits.size(); vi++) {
            if (!funnel.isOpenStage(visits.stage(vi))) {
                continue;
            }
            int s = funnel.index(visits.stage(vi));
            int w = -1;
            for (int e = 0; e < funnel.exitCount(s); e++) {
                if (funnel.dest(s, e) == won) {
                    w = e;
                }
            }
            if (w < 0) {
                continue;
            }
            double last = Double.isNaN(visits.ended(vi)) ? Double.POSITIVE_INFINITY : visits.ended(vi);
            boolean isWin = funnel.id(won).equals(visits.exit(vi));
            for (int i = visits.firstMonth(vi, ends); i < n && parts[i][0] < last; i++) {
                for (int k = 0; k < 2; k++) {
                    double from = parts[i][k];
                    double to = parts[i][k + 1];
                    if (to <= from || to <= visits.entered(vi) || from >= last) {
                        continue;
                    }
                    double a0 = Math.max(0, from - visits.entered(vi));
                    double alive = 0;
                    for (int e = 0; e < funnel.exitCount(s); e++) {
                        alive += funnel.prob(s, e) * survivals.at(s, e, a0);
                    }
                    if (alive <= 0) {
                        continue;
                    }
                    Exposure x = new Exposure(i, s, w, a0, to - Math.max(from, visits.entered(vi)), alive);
                    double wins = isWin && last <= to ? 1 : 0;
                    if (k == 0) {
                        bodyExpected[i] += x.expected(funnel, survivals, 1);
                        bodyWins[i] += wins;
                    } else {
                        exposures.add(x);
                        windowWins[i] += wins;
                    }
                }
            }
        }
    }

    private static PushFit estimate(boolean quarterly, Funnel funnel, Survivals survivals, List<Exposure> exposures,
                                    double[] bodyWins, double[] bodyExpected, double[] windowWins, List<YearMonth> months) {
        IntPredicate pushed = i -> !quarterly || Quarters.endsQuarter(months.get(i).getMonth());
        double ow = 0;
        double oo = 0;
        double eo = 0;
        for (int i = 0; i < months.size(); i++) {
            oo += bodyWins[i];
            eo += bodyExpected[i];
            if (pushed.test(i)) {
                ow += windowWins[i];
            } else {
                oo += windowWins[i];
            }
        }
        List<Exposure> in = new ArrayList<>();
        for (Exposure x : exposures) {
            if (pushed.test(x.month())) {
                in.add(x);
            } else {
                eo += x.expected(funnel, survivals, 1);
            }
        }
        DoubleUnaryOperator ew = factor -> {
            double sum = 0;
            for (Exposure x : in) {
                sum += x.expected(funnel, survivals, factor);
            }
            return sum;
        };
        double e1 = ew.applyAsDouble(1);
        if (ow + oo == 0 || e1 <= 0 || eo <= 0) {
            return new PushFit(quarterly, ow, e1, oo, eo, 1, 0, false);
        }
        // E_w(f) O_o - O_w E_o, increasing in f: its root on the log scale, or the nearer end of the range
        double target = ow / Math.max(oo, 0.5) * eo;
        UnivariateFunction gap = u -> ew.applyAsDouble(Math.exp(u)) - target;
        double lo = -Math.log(ClosingPush.MAX_FACTOR);
        double hi = Math.log(ClosingPush.MAX_FACTOR);
        double logFactor = gap.value(lo) >= 0 ? lo : gap.value(hi) <= 0 ? hi
            : new BrentSolver(1e-10).solve(200, gap, lo, hi);
        double factor = Math.exp(logFactor);
        double evidence = loglik(ow, oo, ew.applyAsDouble(factor), eo) - loglik(ow, oo, e1, eo);
        // the elasticity of E_w in the factor, for the variance of the log factor
        double step = 1e-4;
        double g = (Math.log(ew.applyAsDouble(factor * Math.exp(step))) - Math.log(ew.applyAsDouble(factor))) / step;
        double variance = (1 / (ow + 0.5) + 1 / (oo + 0.5)) / Math.max(g * g, 1e-6);
        double prior = PRIOR_SD * PRIOR_SD;
        double shrunk = Math.exp(logFactor * prior / (prior + variance));
        boolean kept = evidence >= MIN_EVIDENCE && logFactor > 0;
        return new PushFit(quarterly, ow, e1, oo, eo, shrunk, evidence, kept);
    }

    /** The Poisson log likelihood of the wins in and out of the windows at one base rate (its MLE), less constants. */
    private static double loglik(double ow, double oo, double ew, double eo) {
        double rate = (ow + oo) / (ew + eo);
        return xlogy(ow, rate * ew) + xlogy(oo, rate * eo) - (ow + oo);
    }

    private static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }
}
