package funnelcast.calibrate;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.law.Law;
import funnelcast.law.LogNormal;
import funnelcast.history.History;
import funnelcast.history.WorkClock;
import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import funnelcast.model.Target;
import funnelcast.model.WorkCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * Calibrates a scenario from an event log, using only what was known at the end of the as-of
 * date (docs/scenario-format.md, the history): for each stage the exits taken and the dwell of each completed visit
 * in working days; visits still open at the as-of date are right-censored at their age. The
 * written scenario carries the counts ({@code exitCounts}) and the observed inflow, so a forecast
 * can draw them from their posteriors (docs/model.md, parameter uncertainty).
 */
public final class Calibrator {
    /**
     * What to calibrate for: the horizon after the as-of date, an optional window (fit only the
     * visits that began in the last {@code windowDays} working days, and measure the inflow over
     * them; 0 for the whole history), an optional target.
     */
    public record Options(LocalDate asOf, WorkClock clock, LocalDate horizonStart, LocalDate horizonEnd,
                          int windowDays, OptionalInt targetWins, String name, MonthFit.Options months) {
        /** With the default month effects: each ingredient where the history supports it. */
        public Options(LocalDate asOf, WorkClock clock, LocalDate horizonStart, LocalDate horizonEnd,
                       int windowDays, OptionalInt targetWins, String name) {
            this(asOf, clock, horizonStart, horizonEnd, windowDays, targetWins, name, MonthFit.Options.DEFAULT);
        }
    }

    private Calibrator() {
    }

    /** More calendar days than this between the history's last event and the as-of date get a note. */
    static final int QUIET_DAYS = 7;

    public static Calibration calibrate(History history, Options o) {
        WorkClock clock = o.clock();
        double now = clock.endOf(o.asOf());
        List<String> notes = new ArrayList<>(history.notes());
        LocalDate lastEvent = history.last().toLocalDate();
        long quiet = ChronoUnit.DAYS.between(lastEvent, o.asOf());
        if (quiet > QUIET_DAYS) {
            notes.add(String.format(Locale.ROOT, "the history's last event is on %s, %d days before the as-of "
                + "date %s: those days are read as days in which nothing happened (no new deal, no exit), in the "
                + "month effects too; if the export ends on %s, calibrate as of that date", lastEvent, quiet, o.asOf(),
                lastEvent));
        }
        double windowStart = o.windowDays() > 0 ? now - o.windowDays() : Double.NEGATIVE_INFINITY;
        Walk walk = walk(history, clock, now, windowStart, o.asOf().toEpochDay());
        Map<String, Visits> visits = walk.visits();
        List<PipelineDeal> pipeline = walk.pipeline();
        List<History.Deal> known = walk.known();
        Timeline timeline = walk.timeline();
        Map<String, Integer> firstStage = walk.firstStage();
        if (known.isEmpty()) {
            throw new InputException(history.source() + ": no event on or before the as-of date " + o.asOf());
        }
        String entry = firstStage.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        List<String> order = new ArrayList<>(visits.keySet());

        // each stage's fit apart from the others, on the caller's threads: the same fits in any order
        List<Calibration.StageFit> fits = new ArrayList<>(Parallelism.current().map(order,
            id -> fitStage(id, visits.get(id), o.months().stalled())));
        List<Stage> stages = new ArrayList<>();
        for (Calibration.StageFit fit : fits) {
            String id = fit.id();
            Map<String, Double> counts = new LinkedHashMap<>();
            List<Exit> exits = new ArrayList<>();
            Law stageDwell = fit.exitSpecific() ? fit.exitModel().law(fit.exits().get(0).to()) : fit.best().law();
            for (Calibration.ExitRate r : fit.exits()) {
                counts.put(r.to(), Math.round(r.count() * 1000) / 1000.0);
                Law own = fit.exitSpecific() ? fit.exitModel().law(r.to()) : stageDwell;
                exits.add(new Exit(r.to(), r.probability(), own, own != stageDwell));
            }
            stages.add(new Stage(id, id, exits, stageDwell, counts, List.of(), List.of(), fit.stalled()));
        }

        Calibration.InflowFit inflow = inflow(known, entry, o, clock);
        // a horizon that began on or before the as-of date (a month's forecast mid-month) is forecast from the
        // day after it, its wins so far already won: its days up to the as-of date are past
        LocalDate forecastFrom = o.horizonStart().isAfter(o.asOf()) ? o.horizonStart() : o.asOf().plusDays(1);
        if (forecastFrom.isAfter(o.horizonEnd())) {
            throw new InputException("the horizon " + o.horizonStart() + " .. " + o.horizonEnd() + " ends by the as-of date "
                + o.asOf() + ": nothing is left to forecast; give a later --horizon-end");
        }
        WorkCalendar calendar = new WorkCalendar(forecastFrom, o.horizonEnd(), clock.weekdays(),
            inHorizon(clock.holidays(), o), inHorizon(clock.workdays(), o));
        Scenario scenario = new Scenario(o.name(), calendar, entry, stages,
            new Inflow(inflow.perDay(), 0, new Inflow.Observed(inflow.deals(), inflow.days())), pipeline,
            o.targetWins().isPresent() ? new Target(o.targetWins(), wonIn(known, o.horizonStart(), o.asOf()),
                OptionalDouble.empty()) : Target.NONE,
            dealValue(known, o.asOf()));
        Funnel unordered = Funnel.of(scenario);
        // The funnel's order: the entry first, then the milestones by their eventual win probability.
        Absorption chain = Absorption.of(unordered);
        Comparator<String> byH = Comparator.comparingDouble((String id) -> id.equals(entry) ? -1 : chain.winProbability(
            unordered.index(id))).thenComparing(Comparator.naturalOrder());
        fits.sort(Comparator.comparing(Calibration.StageFit::id, byH));
        stages.sort(Comparator.comparing(Stage::id, byH));
        scenario = new Scenario(scenario.name(), scenario.calendar(), entry, stages, scenario.inflow(),
            scenario.pipeline(), scenario.target(), scenario.dealValue());
        Funnel funnel = Funnel.of(scenario);
        List<Calibration.StageFit> withReps = reps(funnel, fits, visits);
        List<LocalDate> entries = entries(known, entry);
        // Month effects are measured over the whole history, whatever the window: recency weighting follows drift.
        MonthFit months = MonthFit.fit(timeline, entries, funnel, clock, history.first().toLocalDate(), o.asOf(),
            o.horizonStart(), windowStart, o.months());
        scenario = scenario.withMonthEffects(months.effects());
        return new Calibration(history.source(), o.asOf(), entry, withReps, inflow, pipeline.size(), scenario, notes,
            months, repNewDeals(known, entry, inflow));
    }

    /** What the walk through the deals gathers: each stage's visits, the pipeline, the deals known by the as-of date. */
    private record Walk(Map<String, Visits> visits, Map<String, Integer> firstStage, List<PipelineDeal> pipeline,
                        List<History.Deal> known, Timeline timeline) {
    }

    /**
     * Each deal's events known by the as-of date ({@code asOfDay}, an epoch day), walked once: a
     * method of its own, so that the compiler takes this loop over every deal alone.
     */
    private static Walk walk(History history, WorkClock clock, double now, double windowStart, long asOfDay) {
        Map<String, Visits> visits = new LinkedHashMap<>();
        Map<String, Integer> firstStage = new HashMap<>();
        List<PipelineDeal> pipeline = new ArrayList<>();
        List<History.Deal> known = new ArrayList<>();
        Timeline timeline = new Timeline();
        for (History.Deal deal : history.deals()) {
            History.Event[] events = knownBy(deal.events(), asOfDay);
            if (events.length == 0) {
                continue;
            }
            known.add(deal);
            firstStage.merge(events[0].stage(), 1, Integer::sum);
            for (int i = 0; i < events.length; i++) {
                History.Event e = events[i];
                if (deal.isTerminal(e)) {
                    break;
                }
                double entered = clock.at(e.second());
                Visits list = visits.computeIfAbsent(e.stage(), k -> new Visits());
                boolean inWindow = entered >= windowStart;
                if (i + 1 < events.length) {
                    History.Event next = events[i + 1];
                    double left = clock.at(next.second());
                    timeline.add(e.stage(), entered, left, next.stage());
                    if (inWindow) {
                        addDwell(list, left - entered, e.dayOnly() || next.dayOnly(), next.stage(), deal.rep());
                    }
                } else {
                    timeline.add(e.stage(), entered, Double.NaN, null);
                    double age = Math.max(now - entered, 1e-6);
                    if (inWindow) {
                        list.add(Observation.Kind.CENSORED, age, Double.POSITIVE_INFINITY, null, deal.rep());
                    }
                    pipeline.add(new PipelineDeal(deal.id(), e.stage(), age, 1,
                        deal.value() == null ? OptionalDouble.empty() : OptionalDouble.of(deal.value()), deal.rep(),
                        deal.name()));
                }
            }
        }
        return new Walk(visits, firstStage, pipeline, known, timeline);
    }

    /** The days the deals that began at the entry began. */
    private static List<LocalDate> entries(List<History.Deal> known, String entry) {
        List<LocalDate> entries = new ArrayList<>();
        for (History.Deal deal : known) {
            History.Event e = deal.events().get(0);
            if (e.stage().equals(entry)) {
                entries.add(e.date());
            }
        }
        return entries;
    }

    /** The events on or before the day (an epoch day), in their order: each asked of the history once. */
    private static History.Event[] knownBy(List<History.Event> events, long day) {
        History.Event[] all = events.toArray(History.Event[]::new);
        int known = 0;
        for (History.Event e : all) {
            known += e.day() <= day ? 1 : 0;
        }
        if (known == all.length) {
            return all;
        }
        History.Event[] out = new History.Event[known];
        int k = 0;
        for (History.Event e : all) {
            if (e.day() <= day) {
                out[k++] = e;
            }
        }
        return out;
    }

    private static void addDwell(Visits to, double d, boolean dayOnly, String dest, String rep) {
        if (dayOnly) {
            // known to the day: the dwell rounded to whole working days lies within half a day of it
            double k = Math.rint(d);
            to.add(Observation.Kind.INTERVAL, Math.max(0, k - 0.5), k + 0.5, dest, rep);
        } else if (d <= 0) {
            to.add(Observation.Kind.INTERVAL, 0, 1.0 / 1440, dest, rep); // the same minute
        } else {
            to.add(Observation.Kind.EXACT, d, d, dest, rep);
        }
    }

    static Calibration.StageFit fitStage(String id, List<Observation> obs) {
        return fitStage(id, obs, false);
    }

    /** Open visits older than every completed one that it takes to estimate a stalled share. */
    static final int MIN_STALLED_EVIDENCE = 5;

    /**
     * The share of visits that stall, from those far older than any completed one: past the
     * longest completed dwell t_max nothing has ever moved on, so the Kaplan-Meier survival there
     * is the share still waiting that will never move (a cure fraction). Zero unless at least
     * {@link #MIN_STALLED_EVIDENCE} open visits are older than t_max.
     */
    static double stalledShare(List<Observation> obs, KaplanMeier km) {
        Visits v = Visits.of(obs);
        double longest = 0;
        for (int i = 0; i < v.size(); i++) {
            if (v.completed(i)) {
                longest = Math.max(longest, v.hi(i));
            }
        }
        int older = 0;
        for (int i = 0; i < v.size(); i++) {
            if (!v.completed(i) && v.lo(i) > longest) {
                older++;
            }
        }
        if (older < MIN_STALLED_EVIDENCE) {
            return 0;
        }
        return Math.min(0.99, km.at(longest));
    }

    /** The completed visits by exit, the exits in the order first seen: counted in an array, a few exits among many visits. */
    private static Map<String, Integer> exitCounts(Visits v) {
        List<String> seen = new ArrayList<>();
        int[] exitOf = v.exitNumbers(seen);
        int[] counts = new int[seen.size()];
        for (int e : exitOf) {
            if (e >= 0) {
                counts[e]++;
            }
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (int k = 0; k < seen.size(); k++) {
            taken.put(seen.get(k), counts[k]);
        }
        return taken;
    }

    static Calibration.StageFit fitStage(String id, List<Observation> obs, boolean withStalled) {
        Visits v = Visits.of(obs);
        Map<String, Integer> taken = exitCounts(v);
        int completed = 0;
        for (int count : taken.values()) {
            completed += count;
        }
        if (completed == 0) {
            throw new InputException("stage '" + id + "' has no completed visit by the as-of date ("
                + v.size() + " still open): its exits cannot be estimated; choose a later --as-of or a longer --window");
        }
        List<Calibration.ExitRate> exits = new ArrayList<>();
        for (Map.Entry<String, Integer> t : taken.entrySet()) {
            BetaDistribution jeffreys = BetaDistribution.of(t.getValue() + 0.5, completed - t.getValue() + 0.5);
            exits.add(new Calibration.ExitRate(t.getKey(), t.getValue(), t.getValue(), (double) t.getValue() / completed,
                jeffreys.inverseCumulativeProbability(0.05), jeffreys.inverseCumulativeProbability(0.95)));
        }
        exits.sort(Comparator.comparingDouble(Calibration.ExitRate::count).reversed());
        KaplanMeier km = KaplanMeier.of(v);
        List<DwellFit> dwellFits = new ArrayList<>();
        DwellFit.Sample sample = DwellFit.Sample.of(v);
        // the families apart from each other too: a large stage's four fits need not wait for one another
        for (DwellFit f : Parallelism.current().map(DwellFit.FAMILIES, family -> DwellFit.fit(family, sample, null, km))) {
            if (f != null) {
                dwellFits.add(f);
            }
        }
        DwellFit best = dwellFits.stream().min(Comparator.comparingDouble(DwellFit::aic)).orElseThrow(() ->
            new InputException("stage '" + id + "': no dwell distribution could be fitted"));
        // The pooled model's AIC counts its exit shares (a multinomial) as well as its dwell.
        double exitLl = 0;
        for (Map.Entry<String, Integer> t : taken.entrySet()) {
            exitLl += t.getValue() * Math.log((double) t.getValue() / completed);
        }
        double pooledAic = best.aic() + 2 * (taken.size() - 1) - 2 * exitLl;
        double stalled = withStalled ? stalledShare(v, km) : 0;
        ExitDwellModel model = ExitDwellModel.fit(sample, stalled);
        boolean exitSpecific = model != null && model.aic() < pooledAic;
        if (exitSpecific) {
            exits = new ArrayList<>();
            double total = obs.size() * (1 - model.stalled());
            for (Map.Entry<String, Double> s : model.shares().entrySet()) {
                double eff = model.effectiveCounts().get(s.getKey());
                BetaDistribution jeffreys = BetaDistribution.of(eff + 0.5, total - eff + 0.5);
                exits.add(new Calibration.ExitRate(s.getKey(), eff, taken.getOrDefault(s.getKey(), 0), s.getValue(),
                    jeffreys.inverseCumulativeProbability(0.05), jeffreys.inverseCumulativeProbability(0.95)));
            }
        }
        return new Calibration.StageFit(id, completed, obs.size() - completed, exits, dwellFits, best, km, Map.of(),
            model, exitSpecific, pooledAic, Map.of());
    }

    /**
     * Deals whose first event is at the entry stage, over the window's working days, with the
     * exact 90% Poisson interval [G(n, 1)^-1(0.05), G(n + 1, 1)^-1(0.95)] / days.
     */
    private static Calibration.InflowFit inflow(List<History.Deal> deals, String entry, Options o, WorkClock clock) {
        LocalDate first = deals.stream().map(d -> d.events().get(0).date()).min(LocalDate::compareTo)
            .orElseThrow();
        LocalDate from = first;
        if (o.windowDays() > 0) {
            LocalDate d = o.asOf();
            int counted = 0;
            while (counted < o.windowDays() && d.isAfter(first)) {
                if (clock.isWorkingDay(d)) {
                    counted++;
                }
                d = d.minusDays(1);
            }
            from = d.plusDays(1).isBefore(first) ? first : d.plusDays(1);
        }
        double days = clock.endOf(o.asOf()) - clock.at(from);
        int n = 0;
        for (History.Deal deal : deals) {
            History.Event e = deal.events().get(0);
            LocalDate day = e.date();
            if (e.stage().equals(entry) && !day.isBefore(from) && !day.isAfter(o.asOf())) {
                n++;
            }
        }
        double lower = n == 0 ? 0 : GammaDistribution.of(n, 1).inverseCumulativeProbability(0.05) / days;
        double upper = GammaDistribution.of(n + 1, 1).inverseCumulativeProbability(0.95) / days;
        return new Calibration.InflowFit(n, days, n / days, lower, upper, from, o.asOf());
    }

    /** Each rep's new deals at the entry stage over the inflow's days (deals without a rep are left out). */
    private static Map<String, Integer> repNewDeals(List<History.Deal> deals, String entry, Calibration.InflowFit inflow) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (History.Deal deal : deals) {
            History.Event e = deal.events().get(0);
            LocalDate day = e.date();
            if (deal.rep() != null && e.stage().equals(entry) && !day.isBefore(inflow.from()) && !day.isAfter(inflow.to())) {
                out.merge(deal.rep(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The dates of a history's calendar that fall in the horizon, for the scenario's calendar. */
    private static TreeSet<LocalDate> inHorizon(Set<LocalDate> dates, Options o) {
        return new TreeSet<>(dates.stream().filter(d -> d.isAfter(o.asOf()) && !d.isBefore(o.horizonStart())
            && !d.isAfter(o.horizonEnd())).toList());
    }

    /** Wins already booked inside the horizon up to the as-of date (a mid-month calibration). */
    private static int wonIn(List<History.Deal> deals, LocalDate from, LocalDate asOf) {
        int n = 0;
        for (History.Deal d : deals) {
            for (History.Event e : d.events()) {
                LocalDate day = e.date();
                if (e.stage().equals(Exit.WON) && !day.isBefore(from) && !day.isAfter(asOf)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A lognormal fitted to the values of deals won by the as-of date (maximum likelihood), when there are 5 or more. */
    private static Optional<Law> dealValue(List<History.Deal> deals, LocalDate asOf) {
        List<Double> logs = new ArrayList<>();
        for (History.Deal d : deals) {
            LocalDate end = d.events().get(d.events().size() - 1).date();
            boolean won = d.events().get(d.events().size() - 1).stage().equals(Exit.WON);
            if (won && !end.isAfter(asOf) && d.value() != null && d.value() > 0) {
                logs.add(Math.log(d.value()));
            }
        }
        if (logs.size() < 5) {
            return Optional.empty();
        }
        double mu = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = logs.stream().mapToDouble(x -> (x - mu) * (x - mu)).sum() / logs.size();
        return var > 0 ? Optional.of(new LogNormal(Math.exp(mu), Math.sqrt(var))) : Optional.empty();
    }

    /** Per-rep conversion at each stage (to its advance exit), raw and shrunk. */
    private static List<Calibration.StageFit> reps(Funnel funnel, List<Calibration.StageFit> fits,
                                                  Map<String, Visits> visits) {
        Absorption chain = Absorption.of(funnel);
        List<Calibration.StageFit> out = new ArrayList<>();
        for (Calibration.StageFit f : fits) {
            int s = funnel.index(f.id());
            int e = chain.advanceExit(s);
            String advance = e < 0 ? null : funnel.id(funnel.dest(s, e));
            Map<String, Shrinkage.Tally> counts = new LinkedHashMap<>();
            Map<String, Map<String, Double>> byExit = new LinkedHashMap<>();
            for (Observation o : visits.get(f.id())) {
                if (o.completed() && o.rep() != null) {
                    counts.merge(o.rep(), new Shrinkage.Tally(o.dest().equals(advance) ? 1 : 0, 1), Shrinkage.Tally::plus);
                    byExit.computeIfAbsent(o.rep(), k -> new LinkedHashMap<>()).merge(o.dest(), 1.0, Double::sum);
                } else if (o.rep() != null && f.exitSpecific()) {
                    for (Map.Entry<String, Double> m : f.exitModel().memberships(o.lo()).entrySet()) {
                        byExit.computeIfAbsent(o.rep(), k -> new LinkedHashMap<>()).merge(m.getKey(), m.getValue(), Double::sum);
                    }
                }
            }
            out.add(new Calibration.StageFit(f.id(), f.completed(), f.open(), f.exits(), f.fits(), f.best(), f.km(),
                Shrinkage.shrink(counts), f.exitModel(), f.exitSpecific(), f.pooledAic(), byExit));
        }
        return out;
    }
}
