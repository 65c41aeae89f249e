package funnelcast.calibrate;

import funnelcast.backtest.Backtest;
import funnelcast.history.History;
import funnelcast.history.HistoryReader;
import funnelcast.history.HistorySimulator;
import funnelcast.history.MonthVariation;
import funnelcast.history.WorkClock;
import funnelcast.model.ClosingPush;
import funnelcast.model.Funnel;
import funnelcast.model.WorkCalendar;
import funnelcast.scenario.ScenarioReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The long statistical runs of the month effects, kept out of the test suite (each backtests
 * about 100 months of simulated history, 20 seconds or more on 2 cores): {@code bash benchmarks/study}.
 * It prints every figure and exits with 1 when a bar is missed.
 * <ul>
 *   <li>Months that swing (inflow cv 0.25, conversion log odds sd 0.4, +0.8 in a quarter's last
 *   month, a quarter-end push of 2 over 3 working days, a tenth of the visits to b stalled): the
 *   80% intervals hold 75-90% of the months, and the model's mean CRPS beats both baselines by at
 *   least 20%.</li>
 *   <li>A stationary history: the 80% intervals with month effects are no wider than without,
 *   within 0.15 wins (each month's P10 and P90 come from 2,000 trials, a Monte Carlo sd of about
 *   0.2 wins each plus the integer rounding, about 0.5 wins on a month's width; over 100 months
 *   about 0.05 per model, so two standard errors of the difference are 0.15 wins).</li>
 * </ul>
 * Arguments: the swinging and the stationary history's seeds (default 23 and 11, the figures in
 * docs/calibration.md).
 */
public final class BacktestStudy {
    static final String VARYING = """
        { "calendar": { "start": "2020-01-01", "end": "2020-01-31" }, "entry": "a",
          "stages": [
            { "id": "a", "exits": { "b": 0.5, "lost": 0.5 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 1.5 } },
            { "id": "b", "exits": { "won": 0.6, "lost": 0.4 }, "dwell": { "dist": "lognormal", "median": 3, "sigma": 0.6 } } ],
          "inflow": { "perDay": 4 } }""";
    static final String VARYING_STALLED = VARYING.replace("\"won\": 0.6, \"lost\": 0.4 }",
        "\"won\": 0.6, \"lost\": 0.4 }, \"stalled\": 0.1");
    static final LocalDate START = LocalDate.parse("2020-01-01");
    static final WorkClock CLOCK = new WorkClock(WorkCalendar.MONDAY_TO_FRIDAY, Set.of(), START.minusDays(60),
        START.plusDays(3500));
    static final MonthVariation SWINGING = new MonthVariation(0.25, 0.4,
        new double[] {0, 0, 0.8}, new ClosingPush(2, 3, true), null, null);

    private BacktestStudy() {
    }

    public static void main(String[] args) throws Exception {
        long swingingSeed = args.length > 0 ? Long.parseLong(args[0]) : 23;
        long stationarySeed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        Path dir = Files.createTempDirectory("funnelcast-study");
        List<String> misses = new ArrayList<>();

        Backtest.Result r = backtest(dir, VARYING_STALLED, SWINGING, MonthFit.Options.DEFAULT, swingingSeed);
        Backtest.Summary model = r.summaries().get(0);
        System.out.printf(Locale.ROOT, "months that swing (seed %d): %d months, 80%% coverage %.2f, 50%% coverage %.2f, "
            + "CRPS %.2f against %.2f (stage-weighted) and %.2f (last month)%n", swingingSeed, model.months(),
            model.coverage80(), model.coverage50(), model.meanCrps(), r.summaries().get(1).meanCrps(),
            r.summaries().get(2).meanCrps());
        if (r.months().size() < 100 || model.coverage80() < 0.75 || model.coverage80() > 0.90) {
            misses.add("80% coverage " + model.coverage80() + " outside 0.75..0.90 (or fewer than 100 months)");
        }
        for (int b = 1; b <= 2; b++) {
            if (model.meanCrps() > 0.8 * r.summaries().get(b).meanCrps()) {
                misses.add("CRPS " + model.meanCrps() + " not 20% below " + r.summaries().get(b).method());
            }
        }

        Backtest.Result with = backtest(dir, VARYING, MonthVariation.NONE, MonthFit.Options.DEFAULT,
            stationarySeed);
        Backtest.Result without = backtest(dir, VARYING, MonthVariation.NONE, MonthFit.Options.NONE,
            stationarySeed);
        double a = with.summaries().get(0).meanWidth80();
        double b = without.summaries().get(0).meanWidth80();
        System.out.printf(Locale.ROOT, "stationary (seed %d): 80%% widths %.2f with month effects, %.2f without; "
            + "coverage %.2f and %.2f%n", stationarySeed, a, b, with.summaries().get(0).coverage80(),
            without.summaries().get(0).coverage80());
        if (a > b + 0.15) {
            misses.add("80% width " + a + " with month effects, " + b + " without");
        }
        if (misses.isEmpty()) {
            System.out.println("every bar met");
        } else {
            misses.forEach(m -> System.out.println("missed: " + m));
            System.exit(1);
        }
    }

    /** About 100 months (2200 working days) simulated from a funnel whose months vary as given, backtested. */
    static Backtest.Result backtest(Path dir, String funnel, MonthVariation variation,
                                    MonthFit.Options months, long seed) throws Exception {
        Funnel f = Funnel.of(ScenarioReader.parse(funnel, "study.json", false));
        MonthVariation v = variation == MonthVariation.NONE ? variation : variation.on(CLOCK, START);
        StringWriter csv = new StringWriter();
        HistorySimulator.write(HistorySimulator.simulate(f, 2200, seed, v), CLOCK, START, csv);
        Path file = dir.resolve("history-" + seed + "-" + funnel.hashCode() + ".csv");
        Files.writeString(file, csv.toString());
        History h = HistoryReader.read(file);
        return Backtest.run(h, new Backtest.Options(CLOCK, 0, 120, 2000, 5, 2, m -> { }, months));
    }
}
