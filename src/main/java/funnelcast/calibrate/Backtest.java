package funnelcast.calibrate;

import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.Absorption;
import funnelcast.exact.Convolution;
import funnelcast.forecast.Forecast;
import funnelcast.forecast.Pmf;
import funnelcast.model.Funnel;
import funnelcast.model.PipelineDeal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * Rolling-origin backtest, month by month: calibrate on what was known before the month began,
 * take the pipeline open on its first day, forecast the month with parameter uncertainty, and
 * score the forecast against the wins that happened, beside two baselines teams use today:
 * the stage-weighted pipeline (each open deal counted at its stage's eventual win probability,
 * as a Poisson-binomial) and last month's wins (as a Poisson count with that mean).
 */
public final class Backtest {
    /** A forecast's score for one month: interval hits, mid-PIT, CRPS and the median's error. */
    public record Score(int p10, int p25, int p50, int p75, int p90, boolean in50, boolean in80, double pit, double crps,
                        double absError) {
        static Score of(double[] pmf, int actual) {
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
                below + at / 2, crps, Math.abs(p50 - actual));
        }
    }

    public record Month(YearMonth month, int actual, int openAtStart, Score model, Score weighted, Score lastMonth) {
    }

    public record Summary(String method, double coverage50, double coverage80, double meanCrps, double meanAbsError,
                          int[] pitHistogram) {
        static Summary of(String method, List<Score> scores) {
            int n = scores.size();
            int[] pit = new int[10];
            double in50 = 0;
            double in80 = 0;
            double crps = 0;
            double err = 0;
            for (Score s : scores) {
                in50 += s.in50() ? 1 : 0;
                in80 += s.in80() ? 1 : 0;
                crps += s.crps();
                err += s.absError();
                pit[Math.min(9, (int) (s.pit() * 10))]++;
            }
            return new Summary(method, in50 / n, in80 / n, crps / n, err / n, pit);
        }
    }

    public record Result(String source, List<Month> months, List<String> skipped, List<Summary> summaries, long trials) {
    }

    /** Trials per monthly forecast, the seed, the calibration window, and the months to test. */
    public record Options(WorkClock clock, int months, int windowDays, long trials, long seed, int threads,
                          IntConsumer progress) {
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
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, o.threads()));
        List<Object> outcomes;
        try {
            outcomes = pool.submit(() -> all.parallelStream().map(m -> {
                Object outcome = month(history, o, m, all.indexOf(m));
                o.progress().accept(done.incrementAndGet());
                return outcome;
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the backtest was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Month> months = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Month month) {
                months.add(month);
            } else {
                skipped.add((String) outcome);
            }
        }
        if (months.isEmpty()) {
            throw new IllegalArgumentException(history.source() + ": no month could be backtested: "
                + String.join("; ", skipped));
        }
        List<Summary> summaries = List.of(
            Summary.of("model", months.stream().map(Month::model).toList()),
            Summary.of("stage-weighted pipeline", months.stream().map(Month::weighted).toList()),
            Summary.of("last month's wins", months.stream().map(Month::lastMonth).toList()));
        return new Result(history.source(), months, skipped, summaries, o.trials());
    }

    /** One month's forecast and scores, or why it was skipped. */
    private static Object month(History history, Options o, YearMonth m, int index) {
        LocalDate start = m.atDay(1);
        LocalDate asOf = start.minusDays(1);
        try {
            Calibration c = Calibrator.calibrate(history, new Calibrator.Options(asOf, o.clock(), start,
                m.atEndOfMonth(), o.windowDays(), OptionalInt.empty(), "backtest " + m));
            Funnel funnel = Funnel.of(c.scenario());
            Forecast f = MonteCarloEngine.forecast(funnel,
                new MonteCarloEngine.Options(o.trials(), o.seed() + index, 1).withUncertainty(true));
            int actual = wins(history, start, m.atEndOfMonth());
            int previous = wins(history, start.minusMonths(1), asOf);
            return new Month(m, actual, c.openDeals(), Score.of(f.wins().pmf(), actual),
                Score.of(weighted(funnel), actual), Score.of(poisson(previous), actual));
        } catch (IllegalArgumentException e) {
            return m + ": " + e.getMessage();
        }
    }

    /** Wins recorded in [from, to]. */
    public static int wins(History h, LocalDate from, LocalDate to) {
        int n = 0;
        for (History.Deal d : h.deals()) {
            for (History.Event e : d.events()) {
                LocalDate day = e.at().toLocalDate();
                if (e.stage().equals("won") && !day.isBefore(from) && !day.isAfter(to)) {
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
