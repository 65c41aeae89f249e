package funnelcast.calibrate;

import funnelcast.law.Law;
import funnelcast.history.WorkClock;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.MonthEffects;
import funnelcast.model.Quarters;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The month effects of a history: how each past calendar month's inflow and conversion differed
 * from the fitted funnel's, and what that says of the month to forecast.
 *
 * <p><b>Conversion.</b> For each complete past month, every visit open at some point in it
 * gives, for each exit, the fitted probability that it leaves by that exit within the month
 * given that it was still there when the month (or the visit) began. Summed, those are the exits
 * the funnel expects in the month ({@code expected}); {@code observed} are those that happened.
 * The month's log odds ratio of advancing, {@code log(O_adv/E_adv) - log(O_other/E_other)}, is the
 * conversion shift the month showed, whatever its pace; its sampling variance is about
 * {@code 1/O_adv + 1/O_other}. <b>Pace.</b> {@code log(O/E)} over all exits: a month in which
 * deals moved faster or slower than the fitted dwells say. The horizon gets its fitted level
 * (fixed: the exact method integrates over the conversion shift, not over the pace). <b>Inflow.</b> The log of new deals per working day. Each series
 * is fitted by {@link MonthSeries}: a recency-weighted level (drift), month-of-quarter terms
 * (seasonality) and the month's own variance, each kept only where the history supports it.
 */
public record MonthFit(List<PastMonth> past, SeriesFit conversion, SeriesFit pace, SeriesFit inflow, PushFit push,
                       MonthEffects effects, List<String> reasons) {
    public MonthFit {
        past = List.copyOf(past);
        reasons = List.copyOf(reasons);
    }

    /**
     * What calibration may use: month effects at all, seasonality, a half-life (NaN: chosen;
     * infinite: none), the pace (off by default: on the shared real data it made the backtests
     * worse, see docs/month-effects.md), a stalled share per stage, and a closing push ({@link PushFit}).
     * Start from {@link #DEFAULT} or {@link #NONE} and change what differs by name
     * ({@code DEFAULT.withPace(true)}).
     */
    public record Options(boolean effects, boolean seasonality, double halfLife, boolean pace, boolean stalled,
                          boolean push) implements Serializable {
        private static final long serialVersionUID = 1L;
        public static final Options DEFAULT = new Options(true, true, Double.NaN, false, true, true);
        public static final Options NONE = new Options(false, false, Double.POSITIVE_INFINITY, false, false, false);

        public Options withSeasonality(boolean on) {
            return new Options(effects, on, halfLife, pace, stalled, push);
        }

        /** NaN: chosen on the history's own past months; infinite: no weighting by recency. */
        public Options withHalfLife(double months) {
            return new Options(effects, seasonality, months, pace, stalled, push);
        }

        public Options withPace(boolean on) {
            return new Options(effects, seasonality, halfLife, on, stalled, push);
        }

        public Options withStalled(boolean on) {
            return new Options(effects, seasonality, halfLife, pace, on, push);
        }

        public Options withPush(boolean on) {
            return new Options(effects, seasonality, halfLife, pace, stalled, on);
        }
    }

    /** A complete past month: exits observed and expected (advance and other), and new deals over working days. */
    public record PastMonth(YearMonth month, double advances, double expectedAdvances, double others,
                            double expectedOthers, int entries, double workingDays) {
        /** The month's conversion shift (log odds ratio), with half a count added to each cell. */
        public double shift() {
            return Math.log((advances + 0.5) / (expectedAdvances + 0.5)) - Math.log((others + 0.5) / (expectedOthers + 0.5));
        }

        double shiftVariance() {
            return 1 / (advances + 0.5) + 1 / (others + 0.5);
        }

        /**
         * Enough expected exits that the month says something about conversion and pace, and at
         * least one exit recorded (a month with none at all is a gap in the records, not a slow month).
         */
        boolean informs() {
            return expectedAdvances >= 1 && expectedOthers >= 1 && advances + others > 0;
        }

        /** The month's pace: exits recorded against exits expected, on the log scale. */
        public double pace() {
            return Math.log((advances + others + 0.5) / (expectedAdvances + expectedOthers + 0.5));
        }

        double paceVariance() {
            return 1 / (advances + others + 0.5);
        }
    }

    /**
     * One series' result: the half-life and seasonality kept, the level, the month-of-quarter terms,
     * the month's own variance, and the forecast mean and sd on the log scale for the target month.
     */
    public record SeriesFit(String name, int months, double halfLife, boolean seasonal, double level, double[] season,
                       double tau, double mean, double sd, double seasonalEvidence) {
    }

    /** Half-lives tried, in months; the one whose one-step-ahead forecasts of past months scored best is kept. */
    static final double[] HALF_LIVES = {1, 2, 3, 6, 12, Double.POSITIVE_INFINITY};
    /** With fewer past months scored than this, no half-life is chosen from them and this one is used. */
    static final int MIN_SCORED = 4;
    /**
     * The half-life while fewer than {@link #MIN_SCORED} past months can be scored: as long as
     * the shortest history that could choose one, so that a funnel still forming (a short
     * history) is followed as closely as the choice would allow. It was 6; 4 was chosen with the
     * shared real data in view (docs/month-effects.md gives the figures for 2, 3, 4 and 6).
     */
    static final double DEFAULT_HALF_LIFE = 4;

    /**
     * Estimates the month effects for the month of {@code horizonStart}, from the visits and the
     * new deals (entry dates) of complete months between {@code first} and {@code asOf}.
     */
    static MonthFit fit(Timeline visits, List<LocalDate> entries, Funnel funnel, WorkClock clock, LocalDate first,
                        LocalDate asOf, LocalDate horizonStart, double windowStart, Options o) {
        List<String> reasons = new ArrayList<>();
        YearMonth target = YearMonth.from(horizonStart);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.atEndOfMonth().isAfter(asOf); m = m.plusMonths(1)) {
            months.add(m);
        }
        Absorption chain = Absorption.of(funnel);
        List<PastMonth> past = measure(months, visits, entries, funnel, chain, clock, first);

        List<PastMonth> informative = past.stream().filter(PastMonth::informs).toList();
        List<PastMonth> withDays = past.stream().filter(p -> p.workingDays() >= 1).toList();
        int targetPos = quarterPosition(target);
        SeriesFit in = inflowPart(withDays, funnel, target, targetPos, o, reasons);
        boolean swinging = in.tau() > 0; // the inflow's month-to-month variation is on
        MonthSeries conversion = series(informative, target, false, fittedShiftVariance(visits, funnel, chain, windowStart));
        MonthSeries pace = series(informative, target, true, 0);
        // Where the inflow swings, the conversion keeps its month variance against its score (see
        // supported()); otherwise, like the inflow and the pace, it must earn it.
        SeriesFit conv = part("conversion", conversion, informative, target, targetPos, o, !swinging, swinging, reasons);
        SeriesFit paced = part("pace", pace, informative, target, targetPos, o, true, true, reasons);

        double rate = funnel.scenario().inflow().perDay();
        double inflowFactor = 1;
        double inflowCv = Math.min(MonthEffects.MAX_CV, in.sd());
        if (in.months() > 0 && rate > 0) {
            inflowFactor = Math.min(1e6, in.mean() / rate);
        }
        double shift = Math.max(-MonthEffects.MAX_SHIFT, Math.min(MonthEffects.MAX_SHIFT, conv.mean()));
        double sd = Math.min(MonthEffects.MAX_SD, conv.sd());
        double speed = o.pace() && paced.months() > 0
            ? Math.max(MonthEffects.MIN_PACE, Math.min(MonthEffects.MAX_PACE, Math.exp(paced.mean()))) : 1;
        PushFit push = o.effects() && o.push() ? PushFit.fit(visits, funnel, clock, months, first) : PushFit.NONE;
        if (o.effects() && o.push()) {
            reasons.add(push.reason());
        }
        MonthEffects effects = new MonthEffects(inflowFactor, inflowCv, conv.months() > 0 ? shift : 0, sd, speed,
            push.push());
        return new MonthFit(past, conv, paced, in, push, effects, reasons);
    }

    /**
     * The fit kept, with its half-life and seasonality, and the evidence for month-of-quarter
     * terms: the one-step-ahead log score without them less the best with them, in nats (NaN
     * where too few months were scored to compare).
     */
    record Choice<F extends Scored>(F fit, double halfLife, boolean seasonal, double evidence) {
    }

    /**
     * The half-life and seasonality whose one-step-ahead forecasts of past months score best (or
     * the given half-life); with too few months to score, {@link #DEFAULT_HALF_LIFE} and, if
     * {@code seasonByDefault}, the month-of-quarter terms where the history has a month in the
     * horizon's position.
     */
    private static <F extends Scored> Choice<F> choose(BiFunction<Double, Boolean, F> fit,
                                                     List<PastMonth> months, int targetPos, Options o,
                                                     boolean seasonByDefault) {
        F best = null;
        double bestHalfLife = Double.NaN;
        boolean bestSeasonal = false;
        boolean choose = Double.isNaN(o.halfLife());
        double[] bestScore = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (double h : choose ? HALF_LIVES : new double[] {o.halfLife()}) {
            for (boolean seasonal : o.seasonality() ? new boolean[] {false, true} : new boolean[] {false}) {
                F f = fit.apply(h, seasonal);
                if (f.scored() >= MIN_SCORED) {
                    int k = seasonal ? 1 : 0;
                    bestScore[k] = Math.min(bestScore[k], f.logScore());
                }
                if (best == null || f.scored() >= MIN_SCORED && f.logScore() < best.logScore() - 1e-9) {
                    best = f;
                    bestHalfLife = h;
                    bestSeasonal = seasonal;
                }
            }
        }
        if (choose && best.scored() < MIN_SCORED) {
            bestHalfLife = DEFAULT_HALF_LIFE;
            bestSeasonal = o.seasonality() && seasonByDefault && months.stream().anyMatch(p -> quarterPosition(p.month()) == targetPos);
            best = fit.apply(bestHalfLife, bestSeasonal);
        }
        double evidence = Double.isFinite(bestScore[0]) && Double.isFinite(bestScore[1]) ? bestScore[0] - bestScore[1]
            : Double.NaN;
        return new Choice<>(best, bestHalfLife, bestSeasonal, evidence);
    }

    /** Nats of one-step-ahead log score a month's own variation must gain to be used (as for the push). */
    static final double MIN_EVIDENCE = 2;

    /**
     * Whether the history supports a month's own variation: the one-step-ahead forecasts of its
     * past months score better with it than without by more than {@link #MIN_EVIDENCE} nats
     * ({@code evidence}). With no month scored there is no such evidence, and none is used: a
     * funnel whose months do not differ more than chance allows gets the intervals it had without
     * month effects. The inflow and the pace are gated so, and so is the conversion where the
     * inflow's months do not swing. Where they do, the conversion keeps its variation whatever its
     * own score: its past months' shifts are measured against a funnel fitted on those same months,
     * which pulls them toward 0 and the score against the variance (on the shared Maven data the
     * gate dropped it from August 2017 on, and the 80% intervals fell from 7 to 5 of 9 months).
     * The evidence is reported either way.
     */
    static boolean supported(Scored withVariation, double evidence) {
        return withVariation.scored() > 0 && evidence > MIN_EVIDENCE;
    }

    /**
     * The chosen fit with its month's own variance, or the same fit without it ({@code steady}) where
     * the variance is {@code gated} and the history does not support it; adds the series' reason line,
     * which says whether the variance is on, off, or kept against the score.
     */
    private static <F extends Scored> F withVariation(String name, Choice<F> c, F steady, boolean gated, boolean chosen,
                                                      int months, List<String> reasons) {
        double evidence = steady.logScore() - c.fit().logScore();
        boolean supported = supported(c.fit(), evidence);
        F best = supported || !gated ? c.fit() : steady;
        String why = c.fit().scored() == 0 ? "no past month to score it on"
            : String.format(Locale.ROOT, "log score %+.1f nats with it%s", evidence,
                supported ? "" : String.format(Locale.ROOT, ", %s %.1f", gated ? "below" : "kept against",
                    MIN_EVIDENCE));
        reasons.add(reason(name, chosen, best.scored(), months, c.halfLife(), c.seasonal(), c.evidence())
            + "; month-to-month variation " + (supported ? "on" : gated ? "off" : "kept") + " (" + why + ")");
        return best;
    }

    /** 1, 2 or 3: the month's place in its quarter, as an index 0..2. */
    static int quarterPosition(YearMonth m) {
        return Quarters.place(m.getMonth());
    }

    private static MonthSeries series(List<PastMonth> months, YearMonth target, boolean pace, double fitted) {
        int n = months.size();
        double[] y = new double[n];
        double[] v = new double[n];
        int[] pos = new int[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            PastMonth p = months.get(i);
            y[i] = pace ? p.pace() : p.shift();
            v[i] = pace ? p.paceVariance() : p.shiftVariance();
            pos[i] = quarterPosition(p.month());
            index[i] = monthsFrom(target, p.month());
        }
        return new MonthSeries(y, v, pos, index, fitted);
    }

    private static int monthsFrom(YearMonth target, YearMonth m) {
        return (int) ChronoUnit.MONTHS.between(target, m);
    }

    /**
     * The inflow's part: the rate a working day and its month-of-quarter factors on the natural
     * scale ({@code level}, {@code season}), the month's cv ({@code tau}), and for this horizon
     * the rate ({@code mean}) and the cv of its factor ({@code sd}).
     */
    private static SeriesFit inflowPart(List<PastMonth> months, Funnel funnel, YearMonth target, int targetPos, Options o,
                                   List<String> reasons) {
        int n = months.size();
        if (!o.effects() || n == 0) {
            if (o.effects()) {
                reasons.add("inflow: no complete past month to measure; no month-to-month variation (none to score)");
            }
            return new SeriesFit("inflow", 0, Double.NaN, false, 0, new double[] {1, 1, 1}, 0, 0, 0, Double.NaN);
        }
        double[] deals = new double[n];
        double[] days = new double[n];
        int[] pos = new int[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            deals[i] = months.get(i).entries();
            days[i] = months.get(i).workingDays();
            pos[i] = quarterPosition(months.get(i).month());
            index[i] = monthsFrom(target, months.get(i).month());
        }
        var observed = funnel.scenario().inflow().observed();
        InflowSeries s = new InflowSeries(deals, days, pos, index, observed == null ? 0 : 1 / (observed.deals() + 0.5));
        Choice<InflowSeries.Fit> c = choose((h, seasonal) -> s.fit(0, targetPos, h, seasonal), months, targetPos, o, true);
        InflowSeries.Fit best = withVariation("inflow", c, s.fit(0, targetPos, c.halfLife(), c.seasonal(), false), true,
            Double.isNaN(o.halfLife()), n, reasons);
        return new SeriesFit("inflow", n, c.halfLife(), c.seasonal(), best.rate(), best.season(), Math.sqrt(best.cv2()),
            best.factor(), best.forecastCv(), c.evidence());
    }

    private static String reason(String name, boolean chosen, int scored, int months, double halfLife, boolean seasonal,
                                 double evidence) {
        String h = Double.isInfinite(halfLife) ? "none" : String.format(Locale.ROOT, "%.0f months", halfLife);
        String how = !chosen ? "half-life as given" : scored < MIN_SCORED
            ? months + " past months are too few to choose from, so the defaults"
            : "chosen by one-step-ahead forecasts of " + scored + " past months";
        String why = Double.isNaN(evidence) ? "" : String.format(Locale.ROOT,
            "; evidence for month-of-quarter terms: log score %+.1f nats", evidence);
        return String.format(Locale.ROOT, "%s: half-life %s, month-of-quarter terms %s (%s%s)", name, h,
            seasonal ? "on" : "off", how, why);
    }

    /** Chooses the half-life and seasonality by the one-step-ahead log score, where the history allows. */
    private static SeriesFit part(String name, MonthSeries s, List<PastMonth> months, YearMonth target, int targetPos,
                             Options o, boolean gated, boolean seasonByDefault, List<String> reasons) {
        if (!o.effects() || s.size() == 0) {
            double sd = o.effects() && !gated ? Math.sqrt(MonthSeries.PRIOR_TAU2) : 0;
            if (o.effects()) {
                reasons.add(name + ": no complete past month to measure; " + (gated
                    ? "no month-to-month variation (none shown by the inflow either)"
                    : "the prior month-to-month variation alone, as the inflow's months swing"));
            }
            return new SeriesFit(name, 0, Double.NaN, false, 0, new double[3], sd, 0, sd, Double.NaN);
        }
        Choice<MonthSeries.Fit> c = choose((h, seasonal) -> s.fit(0, targetPos, h, seasonal), months, targetPos, o,
            seasonByDefault);
        MonthSeries.Fit best = withVariation(name, c, s.fit(0, targetPos, c.halfLife(), c.seasonal(), false), gated,
            Double.isNaN(o.halfLife()), months.size(), reasons);
        return new SeriesFit(name, best.months(), c.halfLife(), c.seasonal(), best.level(), best.season(),
            Math.sqrt(best.tau2()), best.mean(), Math.sqrt(best.variance()), c.evidence());
    }

    /**
     * The sampling variance of the fitted funnel's log odds of advancing, pooled over its stages:
     * {@code 1/A + 1/O} for the advances and other exits of the visits it was fitted on (those
     * that began in the window). Parameter uncertainty draws that much already.
     */
    static double fittedShiftVariance(Timeline visits, Funnel funnel, Absorption chain, double windowStart) {
        double advances = 0;
        double others = 0;
        String[] advanceTo = advanceTo(funnel, chain);
        for (int vi = 0; vi < visits.size(); vi++) {
            if (visits.exit(vi) == null || visits.entered(vi) < windowStart || !funnel.isOpenStage(visits.stage(vi))) {
                continue;
            }
            if (visits.exit(vi).equals(advanceTo[funnel.index(visits.stage(vi))])) {
                advances++;
            } else {
                others++;
            }
        }
        return 1 / (advances + 0.5) + 1 / (others + 0.5);
    }

    /**
     * Each stage's advance (the exit toward a win) by the id it leads to, null for a stage that
     * only loops on itself: worked out once per fit, not once per visit.
     */
    private static String[] advanceTo(Funnel funnel, Absorption chain) {
        String[] to = new String[funnel.stageCount()];
        for (int s = 0; s < to.length; s++) {
            int advance = chain.advanceExit(s);
            to[s] = advance < 0 ? null : funnel.id(funnel.dest(s, advance));
        }
        return to;
    }

    /**
     * Each visit's exits, observed and expected, month by month into the arrays: the loop over
     * every visit, a method of its own so that the compiler takes it alone.
     */
    private static void exits(Timeline visits, Funnel funnel, Survivals survivals, int[] advanceOf,
                              String[] advanceTo, double[] start, double[] end, double[] adv, double[] expAdv,
                              double[] oth, double[] expOth) {
        int n = start.length;
        double[] alive0 = new double[0];
        for (int vi = 0; vi < visits.size(); vi++) {
            if (!funnel.isOpenStage(visits.stage(vi))) {
                continue; // a stage seen only before the calibration window
            }
            int s = funnel.index(visits.stage(vi));
            int advance = advanceOf[s];
            int exits = funnel.exitCount(s);
            if (alive0.length < exits) {
                alive0 = new double[exits];
            }
            double last = Double.isNaN(visits.ended(vi)) ? Double.POSITIVE_INFINITY : visits.ended(vi);
            for (int i = visits.firstMonth(vi, end); i < n && start[i] < last; i++) {
                if (end[i] <= visits.entered(vi)) {
                    continue;
                }
                double a0 = Math.max(0, start[i] - visits.entered(vi));
                double a1 = end[i] - visits.entered(vi);
                double alive = 0;
                for (int e = 0; e < exits; e++) {
                    alive0[e] = survivals.at(s, e, a0);
                    alive += funnel.prob(s, e) * alive0[e];
                }
                if (alive <= 0) {
                    continue;
                }
                for (int e = 0; e < exits; e++) {
                    double p = funnel.prob(s, e) * (alive0[e] - survivals.at(s, e, a1)) / alive;
                    if (e == advance) {
                        expAdv[i] += p;
                    } else {
                        expOth[i] += p;
                    }
                }
                if (last <= end[i] && visits.exit(vi) != null) {
                    if (visits.exit(vi).equals(advanceTo[s])) {
                        adv[i]++;
                    } else {
                        oth[i]++;
                    }
                }
            }
        }
    }

    /** Observed and expected exits, and new deals, month by month. */
    private static List<PastMonth> measure(List<YearMonth> months, Timeline visits, List<LocalDate> entries,
                                           Funnel funnel, Absorption chain, WorkClock clock, LocalDate first) {
        int n = months.size();
        double[] start = new double[n];
        double[] end = new double[n];
        for (int i = 0; i < n; i++) {
            LocalDate from = months.get(i).atDay(1);
            start[i] = clock.at(from.isBefore(first) ? first : from);
            end[i] = clock.endOf(months.get(i).atEndOfMonth());
        }
        double[] adv = new double[n];
        double[] expAdv = new double[n];
        double[] oth = new double[n];
        double[] expOth = new double[n];
        Survivals survivals = new Survivals(funnel);
        int[] advanceOf = new int[funnel.stageCount()]; // each stage's advance exit, worked out once, not per visit
        for (int s = 0; s < advanceOf.length; s++) {
            advanceOf[s] = chain.advanceExit(s);
        }
        exits(visits, funnel, survivals, advanceOf, advanceTo(funnel, chain), start, end, adv, expAdv, oth, expOth);
        int[] newDeals = new int[n];
        YearMonth firstMonth = months.isEmpty() ? null : months.get(0);
        for (LocalDate d : entries) {
            // the months run one after another from the first: a month's place is its distance from the first
            long i = firstMonth == null ? -1 : (d.getYear() - firstMonth.getYear()) * 12L + d.getMonthValue()
                - firstMonth.getMonthValue();
            if (i >= 0 && i < n) {
                newDeals[(int) i]++;
            }
        }
        List<PastMonth> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PastMonth(months.get(i), adv[i], expAdv[i], oth[i], expOth[i], newDeals[i], end[i] - start[i]));
        }
        return out;
    }

    /** S(age), 1 for a visit just begun. */
    static double survival(Law d, double age) {
        return age <= 0 ? 1 : d.survival(age);
    }
}
