package funnelcast.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One recorded day of one scope (the team, or one rep): the forecast and plan as of that day's
 * end, the day's counts, each stage's entries, open deals and plan, the open pipeline and the
 * day's events. Recorded whole or not at all.
 *
 * @param workingDays the horizon's (the month's) working days
 * @param daysLeft    the horizon's working days after the as-of date
 * @param pmf         the month's wins as forecast that day, already won included (a point mass once none is left)
 * @param inflowPerDay the calibrated new deals a day (none on a day after which the month holds no working day)
 * @param newInMonth   the deals new in the month up to that day's end (that day's included)
 * @param planPerDay  the plan's standing new deals a day for the month's task (none without a target)
 * @param neededPerDay the new deals a day the rest of the month needs at the confidence (none when
 *                    no inflow reaches the target, or without one)
 */
public record Day(LocalDate asOf, String scope, String source, String version, LocalDate horizonStart,
                  LocalDate horizonEnd, int workingDays, int daysLeft, OptionalInt targetWins, int alreadyWon,
                  String method, double mean, int p10, int p50, int p90, double[] pmf, OptionalDouble pHitTarget,
                  OptionalDouble inflowPerDay, double confidence, OptionalDouble planPerDay, OptionalDouble neededPerDay,
                  int newDeals, int newInMonth, int wins, int losses, List<Stage> stages, List<Deal> pipeline, List<Event> events) {
    public Day {
        pmf = pmf.clone();
        stages = List.copyOf(stages);
        pipeline = List.copyOf(pipeline);
        events = List.copyOf(events);
    }

    /** The distribution of the month's wins as forecast that day (already won included): P(wins = k) at k. */
    @Override
    public double[] pmf() {
        return pmf.clone();
    }

    /** A stage's entries that day, its open deals at the day's end, and the plan's arrivals a day and stock. */
    public record Stage(String id, int entries, int openDeals, OptionalDouble planPerDay, OptionalDouble planStock) {
    }

    /**
     * An open deal at the day's end: its stage, its age there in working days, its rep and value
     * (or null), and its chance to be won by the month's end as that day's plan saw it (null
     * without a plan).
     */
    public record Deal(String id, String stage, double age, String rep, Double value, Double pWinMonth) {
    }

    /** A stage entered that day; {@code first} when it is the deal's first event (a new deal). */
    public record Event(String deal, String stage, LocalDateTime at, String rep, boolean first) {
    }
}
