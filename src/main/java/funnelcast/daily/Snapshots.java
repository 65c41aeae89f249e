package funnelcast.daily;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Calibrator;
import funnelcast.calibrate.MonthFit;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.history.History;
import funnelcast.history.WorkClock;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.plan.Plan;
import funnelcast.plan.SteadyState;
import funnelcast.store.Day;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A day's snapshot of a history: what happened that day (new deals, stage entries, wins, losses,
 * each event), the open pipeline at its end, and the forecast and plan of its month calibrated as
 * of that day, for the team and for each rep. A snapshot uses only what was known by the day's end.
 */
public final class Snapshots {
    /** The scope of the whole team. */
    public static final String TEAM = "team";
    /** A rep's scope: this prefix and the rep's name. */
    public static final String REP = "rep:";
    /** The engine's trials and seed where the exact method refuses a day's scenario. */
    static final long FALLBACK_TRIALS = 20_000;
    static final long FALLBACK_SEED = 42;

    private Snapshots() {
    }

    /**
     * What every day's snapshot shares: the working calendar, the window and month effects of
     * the calibration, the month's target (null: none), the confidence the plan is made for, the
     * history's name and the code's version.
     */
    public record Options(Set<DayOfWeek> weekdays, Set<LocalDate> holidays, Set<LocalDate> workdays, int windowDays,
                          Integer targetWins, MonthFit.Options months, double confidence, String source, String version) {
        public Options {
            weekdays = Set.copyOf(weekdays);
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }
    }

    /** A date's snapshots (the team's first, then each rep's, by name), or why the team's could not be made. */
    public record Result(LocalDate day, List<Day> days, List<String> notes) {
        public Result {
            days = List.copyOf(days);
            notes = List.copyOf(notes);
        }
    }

    /** The working days from {@code from} to {@code to} (both included) on the options' calendar. */
    public static List<LocalDate> workingDays(LocalDate from, LocalDate to, Options o) {
        WorkClock clock = clock(from, to, o);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (clock.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * Each day's snapshots, the days apart from each other on the caller's parallelism, each
     * handed to {@code done} as soon as it is made (from the thread that made it, so in no set
     * order); {@code byRep} adds each rep's own. No day waits for another.
     */
    public static void each(History h, List<LocalDate> days, boolean byRep, Options o, Consumer<Result> done) {
        List<String> stages = stageOrder(h); // the whole history's, the same every day
        Parallelism.current().map(days, d -> {
            done.accept(of(h, d, byRep, o, stages));
            return d;
        });
    }

    /** One date's snapshots: the team's, and with {@code byRep} each rep's whose funnel can be calibrated that day. */
    private static Result of(History h, LocalDate day, boolean byRep, Options o, List<String> stages) {
        List<Day> days = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            days.add(day(h, TEAM, day, stages, o));
        } catch (InputException e) {
            notes.add(day + ": the team's snapshot could not be made: " + e.getMessage());
            return new Result(day, List.of(), notes);
        }
        if (byRep) {
            Set<String> reps = new TreeSet<>();
            for (History.Deal d : h.deals()) {
                if (d.rep() != null && !d.events().get(0).date().isAfter(day)) {
                    reps.add(d.rep());
                }
            }
            for (String rep : reps) {
                History own = new History(h.source(), h.deals().stream().filter(d -> rep.equals(d.rep())).toList(), h.notes(),
                    h.ruledLostWins(), h.reading());
                try {
                    days.add(day(own, REP + rep, day, stages, o));
                } catch (InputException e) {
                    notes.add(day + ": rep " + rep + " not recorded: " + e.getMessage());
                }
            }
        }
        return new Result(day, days, notes);
    }

    /** The open stages in the order deals first entered them in the whole history. */
    private static List<String> stageOrder(History h) {
        Set<String> order = new LinkedHashSet<>();
        List<History.Event> all = new ArrayList<>();
        for (History.Deal d : h.deals()) {
            all.addAll(d.events());
        }
        all.sort(Comparator.comparing(History.Event::at));
        for (History.Event e : all) {
            if (!e.stage().equals(Exit.WON) && !e.stage().equals(Exit.LOST)) {
                order.add(e.stage());
            }
        }
        return List.copyOf(order);
    }

    private static WorkClock clock(LocalDate from, LocalDate to, Options o) {
        return new WorkClock(o.weekdays(), o.holidays(), o.workdays(), from.minusDays(400), to.plusDays(400));
    }

    /** The month's wins: the horizon's pmf shifted by the wins already won, its far tail below 1e-12 left off. */
    private static double[] total(Forecast f) {
        double[] wins = f.wins().pmf();
        int n = wins.length;
        while (n > 1 && wins[n - 1] < 1e-12) {
            n--;
        }
        double[] pmf = new double[f.alreadyWon() + n];
        System.arraycopy(wins, 0, pmf, f.alreadyWon(), n);
        return pmf;
    }

    private static Day day(History h, String scope, LocalDate day, List<String> stageIds, Options o) {
        if (h.deals().isEmpty()) {
            throw new InputException("no deals");
        }
        LocalDate first = h.first().toLocalDate();
        if (first.isAfter(day)) {
            throw new InputException("the history begins on " + first + ", after this day");
        }
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
        WorkClock clock = WorkClock.spanning(h, monthEnd, o.weekdays(), o.holidays(), o.workdays());
        int workingDays = 0;
        int daysLeft = 0;
        for (LocalDate d = monthStart; !d.isAfter(monthEnd); d = d.plusDays(1)) {
            if (clock.isWorkingDay(d)) {
                workingDays++;
                daysLeft += d.isAfter(day) ? 1 : 0;
            }
        }
        // what happened that day, and the pipeline at its end: counted from the events
        List<Day.Event> events = new ArrayList<>();
        List<Day.Deal> pipeline = new ArrayList<>();
        Map<String, Integer> entries = new HashMap<>();
        Map<String, Integer> open = new HashMap<>();
        int newDeals = 0;
        int wins = 0;
        int losses = 0;
        int wonInMonth = 0;
        int newInMonth = 0;
        for (History.Deal d : h.deals()) {
            History.Event now = null;
            for (int i = 0; i < d.events().size(); i++) {
                History.Event e = d.events().get(i);
                LocalDate on = e.date();
                if (on.isAfter(day)) {
                    break;
                }
                now = e;
                if (e.stage().equals(Exit.WON) && !on.isBefore(monthStart)) {
                    wonInMonth++;
                }
                if (i == 0 && !on.isBefore(monthStart)) {
                    newInMonth++;
                }
                if (on.equals(day)) {
                    events.add(new Day.Event(d.id(), e.stage(), e.at(), d.rep(), i == 0));
                    newDeals += i == 0 ? 1 : 0;
                    wins += e.stage().equals(Exit.WON) ? 1 : 0;
                    losses += e.stage().equals(Exit.LOST) ? 1 : 0;
                    entries.merge(e.stage(), 1, Integer::sum);
                }
            }
            if (now != null && !d.isTerminal(now)) {
                pipeline.add(new Day.Deal(d.id(), now.stage(), clock.endOf(day) - clock.at(now.second()), d.rep(), d.value(), null));
                open.merge(now.stage(), 1, Integer::sum);
            }
        }
        events.sort(Comparator.comparing(Day.Event::at).thenComparing(Day.Event::deal).thenComparing(Day.Event::stage));
        pipeline.sort(Comparator.comparing(Day.Deal::id));
        OptionalInt target = o.targetWins() == null ? OptionalInt.empty() : OptionalInt.of(o.targetWins());
        Map<String, SteadyState.StageFlow> flows = new LinkedHashMap<>();
        String method;
        double mean;
        int p10;
        int p50;
        int p90;
        double[] pmf;
        OptionalDouble pHit;
        OptionalDouble inflow = OptionalDouble.empty();
        OptionalDouble planPerDay = OptionalDouble.empty();
        OptionalDouble needed = OptionalDouble.empty();
        if (daysLeft == 0) {
            // the month's last working day: its wins are known
            method = "known: no working day of the month is left";
            mean = wonInMonth;
            p10 = wonInMonth;
            p50 = wonInMonth;
            p90 = wonInMonth;
            pmf = new double[wonInMonth + 1];
            pmf[wonInMonth] = 1;
            pHit = target.isPresent() ? OptionalDouble.of(wonInMonth >= target.getAsInt() ? 1 : 0) : OptionalDouble.empty();
        } else {
            Calibrator.Options options = new Calibrator.Options(day, clock, monthStart, monthEnd, o.windowDays(), target,
                "Snapshot of " + o.source() + " (" + scope + ") as of " + day, o.months());
            Calibration c = Calibrator.calibrate(h, options);
            Funnel funnel = Funnel.of(c.scenario());
            Forecast f;
            int steps = ExactMethod.defaultStepsPerDay(funnel.scenario().horizonDays());
            ExactMethod.Solution solution = null; // with a target, the plan's pieces solved beside the figures
            try {
                if (target.isPresent()) {
                    solution = ExactMethod.figuresAndHorizon(funnel, steps);
                    f = solution.forecast();
                } else {
                    f = ExactMethod.winsFigures(funnel, steps);
                }
                method = "exact";
            } catch (InputException refused) {
                f = MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(FALLBACK_TRIALS, FALLBACK_SEED,
                    Parallelism.current().threads()).withPool(Parallelism.current()));
                method = "Monte Carlo, " + FALLBACK_TRIALS + " trials, seed " + FALLBACK_SEED + " (the exact method: "
                    + refused.getMessage() + ")";
            }
            Forecast.Total total = f.total();
            mean = total.mean();
            p10 = total.p10();
            p50 = total.p50();
            p90 = total.p90();
            pmf = total(f);
            pHit = total.pHitTarget();
            inflow = OptionalDouble.of(c.inflow().perDay());
            if (solution != null) {
                try {
                    Plan plan = Plan.of(funnel, o.confidence(), solution.horizonWins());
                    planPerDay = OptionalDouble.of(plan.steadyState().inflowPerDay());
                    if (plan.thisHorizon().reachable()) {
                        needed = OptionalDouble.of(plan.thisHorizon().inflowPerDay());
                    }
                    for (SteadyState.StageFlow s : plan.steadyState().stages()) {
                        flows.put(s.id(), s);
                    }
                    Map<String, Double> chances = new HashMap<>();
                    for (Plan.PipelineChance pc : plan.pipelineChances()) {
                        chances.put(pc.deal(), pc.pWinInHorizon());
                    }
                    pipeline.replaceAll(x -> new Day.Deal(x.id(), x.stage(), x.age(), x.rep(), x.value(), chances.get(x.id())));
                } catch (InputException noPlan) {
                    // the plan needs the exact method; the forecast above still stands
                }
            }
        }
        List<Day.Stage> stages = new ArrayList<>();
        for (String id : stageIds) {
            SteadyState.StageFlow flow = flows.get(id);
            stages.add(new Day.Stage(id, entries.getOrDefault(id, 0), open.getOrDefault(id, 0),
                flow == null ? OptionalDouble.empty() : OptionalDouble.of(flow.arrivalsPerDay()),
                flow == null ? OptionalDouble.empty() : OptionalDouble.of(flow.inventory())));
        }
        return new Day(day, scope, o.source(), o.version(), monthStart, monthEnd, workingDays, daysLeft, target,
            wonInMonth, method, mean, p10, p50, p90, pmf, pHit, inflow, o.confidence(), planPerDay, needed, newDeals, newInMonth, wins, losses,
            stages, pipeline, events);
    }
}
