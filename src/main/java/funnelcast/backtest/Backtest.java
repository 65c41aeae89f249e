package funnelcast.backtest;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Calibrator;
import funnelcast.calibrate.MonthFit;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.Convolution;
import funnelcast.forecast.Forecast;
import funnelcast.forecast.Pmf;
import funnelcast.history.History;
import funnelcast.history.WorkClock;
import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.PipelineDeal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Rolling-origin backtest, month by month: calibrate on what was known before the month began,
 * take the pipeline open on its first day, forecast the month with parameter uncertainty, and
 * score the forecast against the wins that happened, beside two baselines teams use today:
 * the stage-weighted pipeline (each open deal counted at its stage's eventual win probability,
 * as a Poisson-binomial) and last month's wins (as a Poisson count with that mean).
 */
public final class Backtest {
    /**
     * A forecast's score for one month: its quantiles, whether the actual wins fell inside the
     * central 50% and 80% intervals, the forecast's cdf just below and at the actual
     * ({@code below} = P(W < x), {@code atOrBelow} = P(W <= x), from which the non-randomised PIT
     * is built), the mid-PIT, CRPS, the median's error, and the 80% interval's width.
     */
    public record Score(int p10, int p25, int p50, int p75, int p90, boolean in50, boolean in80, double below,
                        double atOrBelow, double pit, double crps, double absError) {
        public static Score of(double[] pmf, int actual) {
            int p10 = Pmf.quantile(pmf, 0.10);
            int p25 = Pmf.quantile(pmf, 0.25);
            int p50 = Pmf.quantile(pmf, 0.50);
            int p75 = Pmf.quantile(pmf, 0.75);
            int p90 = Pmf.quantile(pmf, 0.90);
            double below = 0;
            double crps = 0;
            double cdf = 0;
            int last = Math.max(pmf.length, actual + 1);
            for (int k = 0; k < last; k++) {
                double p = k < pmf.length ? pmf[k] : 0;
                if (k < actual) {
                    below += p;
                }
                cdf += p;
                double step = actual <= k ? 1 : 0;
                crps += (Math.min(1, cdf) - step) * (Math.min(1, cdf) - step);
            }
            double at = actual < pmf.length ? pmf[actual] : 0;
            return new Score(p10, p25, p50, p75, p90, p25 <= actual && actual <= p75, p10 <= actual && actual <= p90,
                Math.min(1, below), Math.min(1, below + at), below + at / 2, crps, Math.abs(p50 - actual));
        }

        /** The 80% interval's width, P90 - P10: its sharpness. */
        public int width80() {
            return p90 - p10;
        }

        /**
         * The non-randomised PIT's cdf at u (Czado, Gneiting and Held 2009): 0 below P(W < x), 1
         * from P(W <= x) on, linear between. Averaged over months it is uniform when the forecasts are calibrated.
         */
        double pitCdf(double u) {
            if (u <= below) {
                return 0;
            }
            if (u >= atOrBelow) {
                return 1;
            }
            return (u - below) / (atOrBelow - below);
        }

        /** Whether the actual lies in the central interval of level c, [q((1-c)/2), q((1+c)/2)]. */
        boolean inCentral(double c) {
            return atOrBelow >= (1 - c) / 2 - 1e-12 && below < (1 + c) / 2;
        }
    }

    /** A month's actual wins, its open deals at the start, the month effects its forecast used, and the three scores. */
    public record Month(YearMonth month, int actual, int openAtStart, String effects, Score model, Score weighted,
                        Score lastMonth) implements Outcome {
    }

    /** Nominal levels of the coverage curve. */
    private static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** The nominal levels of the coverage curve, a copy. */
    public static double[] levels() {
        return LEVELS.clone();
    }

    /**
     * A method's scores over the months: coverage of the 50% and 80% intervals with the range of
     * counts that chance allows a calibrated forecast over that many months (the central 95% of
     * Binomial(n, level)), mean CRPS, mean absolute error of the median, mean width of the 80%
     * interval, the non-randomised PIT histogram (10 bins, in months), and coverage at each of
     * {@link #LEVELS}.
     */
    public record Summary(String method, int months, int in50, int in80, int[] chance50, int[] chance80,
                          double meanCrps, double meanAbsError, double meanWidth80, double[] pitHistogram,
                          double[] coverage) {
        public static Summary of(String method, List<Score> scores) {
            int n = scores.size();
            int in50 = 0;
            int in80 = 0;
            double crps = 0;
            double err = 0;
            double width = 0;
            for (Score s : scores) {
                in50 += s.in50() ? 1 : 0;
                in80 += s.in80() ? 1 : 0;
                crps += s.crps();
                err += s.absError();
                width += s.width80();
            }
            double[] pit = new double[10];
            for (int j = 0; j < 10; j++) {
                for (Score s : scores) {
                    pit[j] += s.pitCdf((j + 1) / 10.0) - s.pitCdf(j / 10.0);
                }
            }
            double[] coverage = new double[LEVELS.length];
            for (int i = 0; i < LEVELS.length; i++) {
                double level = LEVELS[i];
                coverage[i] = scores.stream().filter(s -> s.inCentral(level)).count() / (double) n;
            }
            return new Summary(method, n, in50, in80, chance(n, 0.5), chance(n, 0.8), crps / n, err / n, width / n,
                pit, coverage);
        }

        public double coverage50() {
            return in50 / (double) months;
        }

        public double coverage80() {
            return in80 / (double) months;
        }

        /** The central 95% of Binomial(n, level): the counts a calibrated forecast lands in 19 times in 20. */
        static int[] chance(int n, double level) {
            BinomialDistribution b = BinomialDistribution.of(n, level);
            return new int[] {b.inverseCumulativeProbability(0.025), b.inverseCumulativeProbability(0.975)};
        }
    }

    public record Result(String source, List<Month> months, List<String> skipped, List<Summary> summaries, long trials) {
    }

    /** Trials per monthly forecast, the seed, the calibration window, and the months to test. */
    public record Options(WorkClock clock, int months, int windowDays, long trials, long seed, int threads,
                          IntConsumer progress, MonthFit.Options monthEffects) {
        /** With the default month effects. */
        public Options(WorkClock clock, int months, int windowDays, long trials, long seed, int threads,
                       IntConsumer progress) {
            this(clock, months, windowDays, trials, seed, threads, progress, MonthFit.Options.DEFAULT);
        }
    }

    private Backtest() {
    }

    public static Result run(History history, Options o) {
        YearMonth first = YearMonth.from(history.first()).plusMonths(1);
        YearMonth last = YearMonth.from(history.last());
        if (!last.atEndOfMonth().equals(history.last().toLocalDate())
            && history.last().toLocalDate().isBefore(last.atEndOfMonth())) {
            last = last.minusMonths(1); // the log ends inside its last month: that month is incomplete
        }
        if (o.months() > 0 && last.minusMonths(o.months() - 1L).isAfter(first)) {
            first = last.minusMonths(o.months() - 1L);
        }
        List<YearMonth> all = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            all.add(m);
        }
        // Months are independent (each has its own seed): they run side by side, one thread each,
        // and the result is the same as in sequence.
        AtomicInteger done = new AtomicInteger();
        List<Outcome> outcomes = Parallelism.of(Math.max(1, o.threads())).map(all, m -> {
            Outcome outcome = month(history, o, m, all.indexOf(m));
            o.progress().accept(done.incrementAndGet());
            return outcome;
        });
        List<Month> months = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Month month) {
                months.add(month);
            } else if (outcome instanceof Skipped why) {
                skipped.add(why.reason());
            }
        }
        if (months.isEmpty()) {
            throw new InputException(history.source() + ": no month could be backtested: "
                + String.join("; ", skipped));
        }
        List<Summary> summaries = List.of(
            Summary.of("model", months.stream().map(Month::model).toList()),
            Summary.of("stage-weighted pipeline", months.stream().map(Month::weighted).toList()),
            Summary.of("last month's wins", months.stream().map(Month::lastMonth).toList()));
        return new Result(history.source(), months, skipped, summaries, o.trials());
    }

    /**
     * The one rule for a month that cannot be scored, on every history: a month is scored when the
     * history before it holds a win and can be calibrated (every stage with a completed visit);
     * before the first win the model can only say zero, which scores nothing.
     */
    public static final String RULE = "a month is scored when the history before it holds a win and calibrates "
        + "(a completed visit at every stage); the others are listed as skipped, with why";
    static final String NO_WIN_YET = "no win before it in the history, so the model has nothing to forecast a win from";

    /** A month of the backtest: scored, or skipped with why. */
    sealed interface Outcome permits Month, Skipped {
    }

    /** A month that could not be backtested, and why ("2017-03: ..."). */
    record Skipped(String reason) implements Outcome {
    }

    /** One month's forecast and scores, or why it was skipped. */
    private static Outcome month(History history, Options o, YearMonth m, int index) {
        LocalDate start = m.atDay(1);
        LocalDate asOf = start.minusDays(1);
        if (wins(history, LocalDate.MIN, asOf) == 0) {
            return new Skipped(m + ": " + NO_WIN_YET);
        }
        try {
            Calibration c = Calibrator.calibrate(history, new Calibrator.Options(asOf, o.clock(), start,
                m.atEndOfMonth(), o.windowDays(), OptionalInt.empty(), "backtest " + m, o.monthEffects()));
            Funnel funnel = Funnel.of(c.scenario());
            Forecast f = MonteCarloEngine.forecast(funnel,
                new MonteCarloEngine.Options(o.trials(), o.seed() + index, 1).withUncertainty(true));
            int actual = wins(history, start, m.atEndOfMonth());
            int previous = wins(history, start.minusMonths(1), asOf);
            String stalled = c.stages().stream().filter(s -> s.stalled() > 0).map(s -> String.format(Locale.ROOT,
                "%s %.1f%% stalled", s.id(), 100 * s.stalled())).reduce((a, b) -> a + ", " + b).map(x -> "; " + x).orElse("");
            return new Month(m, actual, c.openDeals(), c.scenario().monthEffects().describe() + stalled,
                Score.of(f.wins().pmf(), actual),
                Score.of(weighted(funnel), actual), Score.of(poisson(previous), actual));
        } catch (InputException e) { // the history cannot be calibrated as of this month
            return new Skipped(m + ": " + e.getMessage());
        }
    }

    /**
     * Wins recorded in [from, to]: every won event, and every win that a rule such as
     * {@code --lost-after} counted as an earlier loss for calibration; it still happened in its month.
     */
    public static int wins(History h, LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDateTime w : h.ruledLostWins()) {
            if (!w.toLocalDate().isBefore(from) && !w.toLocalDate().isAfter(to)) {
                n++;
            }
        }
        // days as numbers: a backtest asks this three times a month over every event
        long first = from.toEpochDay();
        long last = to.toEpochDay();
        for (History.Deal d : h.deals()) {
            for (History.Event e : d.events()) {
                long day = e.day();
                if (day >= first && day <= last && e.stage().equals(Exit.WON)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Each open deal wins with its stage's eventual win probability, whatever the time left. */
    static double[] weighted(Funnel funnel) {
        Absorption chain = Absorption.of(funnel);
        Convolution sum = new Convolution();
        for (PipelineDeal d : funnel.scenario().pipeline()) {
            sum.addBinomial(d.count(), Math.min(1, Math.max(0, chain.winProbability(funnel.index(d.stage())))));
        }
        return sum.pmf();
    }

    static double[] poisson(int mean) {
        Convolution sum = new Convolution();
        sum.addPoisson(mean);
        return sum.pmf();
    }
}
