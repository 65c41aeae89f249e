package funnelcast.daily;

import funnelcast.InputException;
import funnelcast.store.Day;
import funnelcast.store.Store;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * A month's pace for one scope, from its recorded days: each day's new deals, stage entries and
 * wins against the plan of record (the plan as of the month's first recorded day), cumulative
 * ahead or behind, what the remaining working days now need (the re-plan), and P(hit) with the
 * 80% interval of the month's wins as the month goes; for a closed month, how right those forecasts
 * were ({@link Accuracy}); and what moved in the pipeline between two recorded days ({@link Moved}).
 *
 * @param planNewPerDay  the plan of record's new deals a day (the month's task's standing number)
 * @param planWinsPerDay the target spread evenly over the month's working days
 */
public record Pace(String scope, YearMonth month, OptionalInt targetWins, int workingDays, LocalDate planAsOf,
                   OptionalDouble planNewPerDay, OptionalDouble planWinsPerDay, Map<String, Double> planEntriesPerDay,
                   List<PaceDay> days, Optional<Moved> moved, Optional<Accuracy> accuracy, List<Accuracy> repAccuracy) {
    public Pace {
        planEntriesPerDay = Collections.unmodifiableMap(new LinkedHashMap<>(planEntriesPerDay)); // in the stages' order
        days = List.copyOf(days);
        repAccuracy = List.copyOf(repAccuracy);
    }

    /** The same with what moved between two recorded days and, for the team, each rep's accuracy in a closed month. */
    public Pace with(Optional<Moved> movedBetween, List<Accuracy> reps) {
        return new Pace(scope, month, targetWins, workingDays, planAsOf, planNewPerDay, planWinsPerDay, planEntriesPerDay,
            days, movedBetween, accuracy, reps);
    }

    /**
     * A recorded day: its counts, the working day of the month it is ({@code dayOfMonth}, 1 for
     * the first), the cumulative counts and the plan's to that day, and the day's forecast.
     */
    public record PaceDay(LocalDate date, int dayOfMonth, int newDeals, Map<String, Integer> entries, int wins, int losses,
                          int cumulativeNewDeals, OptionalDouble planNewDeals, int cumulativeWins, OptionalDouble planWins,
                          OptionalDouble winsAheadOfPlan, double mean, int p10, int p50, int p90, OptionalDouble pHitTarget,
                          int daysLeft, OptionalInt winsStillNeeded, OptionalDouble neededPerDay, String method) {
        public PaceDay {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public Map<String, Integer> entries() {
            return new LinkedHashMap<>(entries);
        }
    }

    /**
     * The pace a store holds for the team (or one rep): of {@code month} (by default the month of
     * the last recorded day), with what moved from {@code from} to {@code to} (recorded days; by
     * default the month's first and last recorded days) and, for the team, each rep's accuracy in
     * a closed month. {@code shown} names the store in messages. A month or a day not recorded is
     * refused with what is.
     */
    public static Pace read(Store store, String shown, String rep, Optional<YearMonth> month, Optional<LocalDate> from,
                            Optional<LocalDate> to) {
        if (rep != null && rep.isBlank()) {
            throw new InputException("rep: expected a rep's name, got an empty one");
        }
        String scope = rep == null ? Snapshots.TEAM : Snapshots.REP + rep;
        SortedSet<LocalDate> recorded = store.recordedDays(scope);
        if (recorded.isEmpty()) {
            List<String> scopes = store.scopes();
            throw new InputException(shown + ": nothing is recorded for " + (rep == null ? "the team" : "rep " + rep)
                + (scopes.isEmpty() ? "; record days with funnel snapshot HISTORY --from DATE --to DATE --db " + shown
                : "; recorded: " + String.join(", ", scopes)));
        }
        YearMonth m = month.orElse(YearMonth.from(recorded.last()));
        List<Day> days = store.days(scope, m.atDay(1), m.atEndOfMonth());
        Pace base = of(rep == null ? "the team" : rep, m, days);
        LocalDate a = from.orElse(days.get(0).asOf());
        LocalDate b = to.orElse(days.get(days.size() - 1).asOf());
        for (LocalDate d : List.of(a, b)) {
            if (!recorded.contains(d)) {
                throw new InputException("from/to " + d + ": not a recorded day of " + base.scope() + "; recorded: "
                    + recorded.first() + " .. " + recorded.last());
            }
        }
        Optional<Moved> moved = Optional.empty();
        if (a.isBefore(b)) {
            List<Day> span = store.days(scope, a, b);
            moved = Optional.of(Moved.of(span.get(0), span.get(span.size() - 1), span.subList(1, span.size())));
        } else if (from.isPresent() || to.isPresent()) {
            throw new InputException("from/to: " + b + " must come after " + a);
        }
        List<Accuracy> reps = new ArrayList<>();
        if (rep == null) {
            for (String s : store.scopes()) {
                if (s.startsWith(Snapshots.REP)) {
                    Accuracy.of(s.substring(Snapshots.REP.length()), store.days(s, m.atDay(1), m.atEndOfMonth()))
                        .ifPresent(reps::add);
                }
            }
        }
        return base.with(moved, reps);
    }

    /** The pace of the recorded days of one month (in date order, one scope). */
    public static Pace of(String scope, YearMonth month, List<Day> recorded) {
        if (recorded.isEmpty()) {
            throw new InputException("no day of " + month + " is recorded for " + scope
                + "; record them with funnel snapshot HISTORY --from DATE --to DATE --db DB");
        }
        Day plan = recorded.get(0);
        OptionalInt target = plan.targetWins();
        OptionalDouble planWins = target.isPresent() && plan.workingDays() > 0
            ? OptionalDouble.of((double) target.getAsInt() / plan.workingDays()) : OptionalDouble.empty();
        Map<String, Double> planEntries = new LinkedHashMap<>();
        for (Day.Stage s : plan.stages()) {
            if (s.planPerDay().isPresent()) {
                planEntries.put(s.id(), s.planPerDay().getAsDouble());
            }
        }
        List<PaceDay> days = new ArrayList<>();
        for (Day d : recorded) {
            int dayOfMonth = d.workingDays() - d.daysLeft();
            Map<String, Integer> entries = new LinkedHashMap<>();
            for (Day.Stage s : d.stages()) {
                entries.put(s.id(), s.entries());
            }
            OptionalDouble planNew = plan.planPerDay().isPresent()
                ? OptionalDouble.of(plan.planPerDay().getAsDouble() * dayOfMonth) : OptionalDouble.empty();
            OptionalDouble planWinsToDate = planWins.isPresent() ? OptionalDouble.of(planWins.getAsDouble() * dayOfMonth)
                : OptionalDouble.empty();
            OptionalDouble ahead = planWinsToDate.isPresent()
                ? OptionalDouble.of(d.alreadyWon() - planWinsToDate.getAsDouble()) : OptionalDouble.empty();
            OptionalInt still = d.targetWins().isPresent()
                ? OptionalInt.of(Math.max(0, d.targetWins().getAsInt() - d.alreadyWon())) : OptionalInt.empty();
            // the month's counts so far are the snapshot's own: days not recorded still count
            days.add(new PaceDay(d.asOf(), dayOfMonth, d.newDeals(), entries, d.wins(), d.losses(), d.newInMonth(), planNew,
                d.alreadyWon(), planWinsToDate, ahead, d.mean(), d.p10(), d.p50(), d.p90(), d.pHitTarget(), d.daysLeft(),
                still, d.neededPerDay(), d.method()));
        }
        return new Pace(scope, month, target, plan.workingDays(), plan.asOf(), plan.planPerDay(), planWins, planEntries, days,
            Optional.empty(), Accuracy.of(scope, recorded), List.of());
    }
}
