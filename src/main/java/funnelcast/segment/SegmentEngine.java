package funnelcast.segment;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.Calibrator;
import funnelcast.calibrate.MonthFit;
import funnelcast.history.History;
import funnelcast.history.WorkClock;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioWriter;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where {@code calibrate --by}'s segments are calibrated: here ({@link #LOCAL}, the segments apart
 * from each other on the caller's parallelism), or on a cluster by a module on the class path
 * (funnelcast-spark offers {@code spark}). Each segment's history travels already read, and every
 * engine calibrates it with {@link #calibrate(Case)}, so the scenarios are the same text either way.
 */
public interface SegmentEngine {
    String name();

    /** Each segment's result, in the cases' order; {@code master} is the cluster's address (or null). */
    List<Result> calibrate(List<Case> cases, String master);

    /**
     * What every segment's calibration shares: the as-of date, the working calendar (weekdays,
     * holidays, make-up working days), the horizon, the window in working days (0: the whole
     * history), the target (null: none) and the month effects to measure.
     */
    record Settings(LocalDate asOf, Set<DayOfWeek> weekdays, Set<LocalDate> holidays, Set<LocalDate> workdays,
                    LocalDate horizonStart, LocalDate horizonEnd, int windowDays, Integer targetWins,
                    MonthFit.Options months) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Settings {
            weekdays = Set.copyOf(weekdays);
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }

        /**
         * The calibrator's options for a history, on a clock of these working days spanning it
         * ({@link WorkClock#spanning}); {@code name} is the scenario's.
         */
        public Calibrator.Options options(History h, String name) {
            WorkClock clock = WorkClock.spanning(h, horizonEnd, weekdays, holidays, workdays);
            return new Calibrator.Options(asOf, clock, horizonStart, horizonEnd, windowDays,
                targetWins == null ? OptionalInt.empty() : OptionalInt.of(targetWins), name, months);
        }
    }

    /** A segment as it travels: its value of the column, its rows in the file, its history and its scenario's name. */
    record Case(String value, int rows, History history, String name, Settings settings) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A segment's outcome: its deals, open deals, inflow, a new deal's chance to win and the
     * scenario's JSON text; or, for one that could not be calibrated, why ({@code error}).
     */
    record Result(String value, int rows, Integer deals, Integer openDeals, Double inflowPerDay, Double pWinFromEntry,
                  String scenario, String error) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** A segment that could not be read or calibrated, with why. */
        public static Result failed(String value, int rows, String error) {
            return new Result(value, rows, null, null, null, null, null, error);
        }
    }

    /** One segment calibrated, as every engine does it; a calibration refused is a result with its message. */
    static Result calibrate(Case c) {
        try {
            Calibration cal = Calibrator.calibrate(c.history(), c.settings().options(c.history(), c.name()));
            Funnel f = Funnel.of(cal.scenario());
            return new Result(c.value(), c.rows(), c.history().deals().size(), cal.openDeals(), cal.inflow().perDay(),
                Absorption.of(f).winProbability(f.entry()), ScenarioWriter.json(cal.scenario()), null);
        } catch (InputException e) {
            return Result.failed(c.value(), c.rows(), e.getMessage());
        }
    }

    /** Here: the segments apart from each other on the caller's parallelism, in their order. */
    SegmentEngine LOCAL = new SegmentEngine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public List<Result> calibrate(List<Case> cases, String master) {
            return Parallelism.current().map(cases, SegmentEngine::calibrate);
        }
    };
}
