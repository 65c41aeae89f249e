package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.law.LogNormal;
import funnelcast.history.History;
import funnelcast.history.HistoryReader;
import funnelcast.history.HistorySimulator;
import funnelcast.history.WorkClock;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioReader;
import funnelcast.scenario.ScenarioWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    /** Known parameters: one stage per dwell family. */
    static final String KNOWN = """
        { "calendar": { "start": "2026-01-05", "end": "2026-01-30" }, "entry": "a",
          "stages": [
            { "id": "a", "exits": { "b": 0.6, "lost": 0.4 }, "dwell": { "dist": "gamma", "shape": 2, "scale": 1.5 } },
            { "id": "b", "exits": { "c": 0.7, "a": 0.1, "lost": 0.2 }, "dwell": { "dist": "lognormal", "median": 3, "sigma": 0.6 } },
            { "id": "c", "exits": { "d": 0.8, "lost": 0.2 }, "dwell": { "dist": "weibull", "shape": 1.5, "scale": 2 } },
            { "id": "d", "exits": { "won": 0.9, "lost": 0.1 }, "dwell": { "dist": "exponential", "mean": 2.5 } } ],
          "inflow": { "perDay": 8 } }""";
    static final Map<String, double[]> TRUE_DWELL = Map.of("a", new double[] {2, 1.5}, "b", new double[] {3, 0.6},
        "c", new double[] {1.5, 2}, "d", new double[] {2.5});
    static final Map<String, String> FAMILY = Map.of("a", "gamma", "b", "lognormal", "c", "weibull", "d", "exponential");

    static final Set<DayOfWeek> WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Simulates DAYS of history, writes and reads it back, calibrates as of its last day. */
    static Calibration roundTrip(Funnel f, int days, long seed, Path dir) throws Exception {
        LocalDate start = f.scenario().calendar().start();
        WorkClock clock = new WorkClock(WEEK, Set.of(), start.minusDays(60), start.plusDays(3L * days + 60));
        StringWriter csv = new StringWriter();
        HistorySimulator.write(HistorySimulator.simulate(f, days, seed), clock, start, csv);
        Path file = dir.resolve("history-" + seed + ".csv");
        Files.writeString(file, csv.toString());
        History h = HistoryReader.read(file);
        LocalDate asOf = clock.dateTime(clock.at(start) + days - 0.5).toLocalDate();
        Horizon horizon = Horizon.after(asOf, clock);
        return Calibrator.calibrate(h, new Calibrator.Options(asOf, clock, horizon.start(), horizon.end(), 0,
            OptionalInt.of(10), "round trip"));
    }

    /**
     * Over 40 seeds, every exit probability's and every dwell parameter's 90% interval (of the
     * true family) must cover the truth about 90% of the time. With ~520 intervals the observed
     * share has a standard error near 1.3 points, so [0.84, 0.96] fails an interval that covers 70%.
     */
    @Tag("slow")
    @Test
    void simulateThenCalibrateCoversTheTruthAtTheRatePromised(@TempDir Path dir) throws Exception {
        Funnel f = TestScenarios.funnelOf(KNOWN);
        int intervals = 0;
        int covered = 0;
        // the 40 round trips are independent of each other: side by side on every core
        List<Calibration> trips = LongStream.rangeClosed(1, 40).parallel().mapToObj(seed -> {
            try {
                return roundTrip(f, 80, seed, dir);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (Calibration c : trips) {
            for (Calibration.StageFit s : c.stages()) {
                for (Calibration.ExitRate e : s.exits()) {
                    double truth = f.scenario().stage(s.id()).exits().stream().filter(x -> x.to().equals(e.to()))
                        .findFirst().orElseThrow().probability();
                    intervals++;
                    covered += e.lower() <= truth && truth <= e.upper() ? 1 : 0;
                }
                DwellFit fit = s.fits().stream().filter(x -> x.family().equals(FAMILY.get(s.id()))).findFirst()
                    .orElseThrow();
                double[] truth = TRUE_DWELL.get(s.id());
                for (int i = 0; i < truth.length; i++) {
                    intervals++;
                    covered += fit.lower()[i] <= truth[i] && truth[i] <= fit.upper()[i] ? 1 : 0;
                }
            }
        }
        double coverage = (double) covered / intervals;
        assertTrue(coverage >= 0.84 && coverage <= 0.96, "90% intervals covered " + coverage + " of " + intervals);
    }

    @Test
    void theCalibratedScenarioRunsAndNamesTheFamiliesByAic(@TempDir Path dir) throws Exception {
        Funnel f = TestScenarios.funnelOf(KNOWN);
        Calibration c = roundTrip(f, 250, 7, dir);
        assertEquals("a", c.entry());
        assertEquals(List.of("a", "b", "c", "d"), c.stages().stream().map(Calibration.StageFit::id).toList(),
            "stages in funnel order");
        // With 250 days of data, AIC picks the true family at the stages with the most visits.
        assertEquals("gamma", c.stages().get(0).best().family());
        assertEquals("lognormal", c.stages().get(1).best().family());
        assertEquals(8.0, c.inflow().perDay(), 3 * Math.sqrt(8.0 / c.inflow().days()) + 0.01);
        assertTrue(c.inflow().lower() < 8 && 8 < c.inflow().upper());
        // The scenario it writes runs as it is, and parses back to itself.
        String json = ScenarioWriter.json(c.scenario());
        var back = ScenarioReader.parse(json, "calibrated.json", false);
        assertEquals(c.scenario().stages().size(), back.stages().size());
        assertEquals(c.scenario().pipeline().size(), back.pipeline().size());
        assertTrue(c.openDeals() > 0, "deals open at the as-of date become the pipeline");
        Funnel.of(back);
    }

    /**
     * Many visits still open (over a third): deals arrive over 30 days into a stage with a lognormal dwell of
     * median 10, and the log ends at day 30. Censored, the fit recovers the median; with the open
     * visits dropped, only the quick ones remain and the median comes out far too short.
     */
    @Test
    void censoringRecoversTheMedianAndDroppingOpenVisitsDoesNot() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {5, 6, 7, 8});
        ContinuousSampler dwell = new LogNormal(10, 1).sampler(rng);
        List<Observation> all = new ArrayList<>();
        List<Observation> completedOnly = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double arrival = 30 * rng.nextDouble();
            double d = dwell.sample();
            if (arrival + d <= 30) {
                all.add(Observation.exact(d, "won", null));
                completedOnly.add(Observation.exact(d, "won", null));
            } else {
                all.add(Observation.censored(30 - arrival, null));
            }
        }
        assertTrue(all.size() - completedOnly.size() > 0.35 * all.size(), "many visits are open");
        DwellFit censored = DwellFit.fit("lognormal", all, KaplanMeier.of(all));
        assertTrue(censored.lower()[0] <= 10 && 10 <= censored.upper()[0],
            "censored median " + censored.estimates()[0] + " in [" + censored.lower()[0] + ", " + censored.upper()[0] + "]");
        DwellFit dropped = DwellFit.fit("lognormal", completedOnly, KaplanMeier.of(completedOnly));
        assertTrue(dropped.upper()[0] < 10, "dropping the open visits biases the median short: "
            + dropped.estimates()[0] + " (upper " + dropped.upper()[0] + ")");
        assertTrue(dropped.estimates()[0] < 0.75 * 10, "a quarter short or worse: " + dropped.estimates()[0]);
    }

    /** Empirical Bayes: a rep with 4 deals is pulled toward the team; one with 400 barely moves. */
    @Test
    void shrinkagePullsSmallRepsTowardTheTeam() {
        Map<String, Shrinkage.Tally> counts = new LinkedHashMap<>();
        counts.put("newcomer", new Shrinkage.Tally(4, 4));
        counts.put("veteran", new Shrinkage.Tally(280, 400));
        counts.put("c", new Shrinkage.Tally(40, 100));
        counts.put("d", new Shrinkage.Tally(45, 100));
        counts.put("e", new Shrinkage.Tally(55, 100));
        counts.put("f", new Shrinkage.Tally(60, 100));
        counts.put("g", new Shrinkage.Tally(50, 100));
        Map<String, Calibration.RepRate> r = Shrinkage.shrink(counts);
        double team = (4 + 280 + 40 + 45 + 55 + 60 + 50) / 904.0;
        Calibration.RepRate newcomer = r.get("newcomer");
        assertEquals(1.0, newcomer.raw());
        assertTrue(newcomer.shrunk() < 0.8 && newcomer.shrunk() > team, "newcomer " + newcomer.shrunk());
        Calibration.RepRate veteran = r.get("veteran");
        assertEquals(0.7, veteran.raw());
        assertTrue(Math.abs(veteran.shrunk() - veteran.raw()) < 0.02, "veteran moved to " + veteran.shrunk());
        assertTrue(veteran.shrunk() < veteran.raw(), "toward the team");
    }

    /**
     * A funnel in which 15% of visits stall: calibration finds the share from the open visits
     * older than any completed one, within four standard errors of a binomial share of the
     * visits old enough to show it, and the exit shares of the visits that move on; a funnel
     * without stalls gets none.
     */
    @Test
    void aStalledShareIsFoundWhereVisitsStallAndNowhereElse(@TempDir Path dir) throws Exception {
        String stage = """
            { "calendar": { "start": "2026-01-05", "end": "2026-01-30" }, "entry": "a",
              "stages": [ { "id": "a", "exits": { "won": 0.4, "lost": 0.6 }, %s
                "dwell": { "dist": "lognormal", "median": 6, "sigma": 0.7 },
                "exitDwell": { "lost": { "dist": "gamma", "shape": 2, "scale": 8 } } } ],
              "inflow": { "perDay": 6 } }""";
        Calibration c = roundTrip(TestScenarios.funnelOf(String.format(Locale.ROOT, stage, "\"stalled\": 0.15,")), 500, 3, dir);
        Calibration.StageFit fit = c.stages().get(0);
        double n = 6 * 400; // visits that entered early enough to be seen far past every completed dwell
        assertEquals(0.15, fit.stalled(), 4 * Math.sqrt(0.15 * 0.85 / n), "stalled share");
        assertEquals(fit.stalled(), c.scenario().stages().get(0).stalled(), 1e-12, "written to the scenario");
        double won = fit.exits().stream().filter(e -> e.to().equals("won")).findFirst().orElseThrow().probability();
        assertEquals(0.4, won, 4 * Math.sqrt(0.4 * 0.6 / n), "won share of the visits that move on");

        Calibration none = roundTrip(TestScenarios.funnelOf(String.format(Locale.ROOT, stage, "")), 500, 3, dir);
        assertEquals(0, none.stages().get(0).stalled(), 1e-12, "no stalled share without stalls");
    }
}
