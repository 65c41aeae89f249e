package funnelcast.history;

import funnelcast.model.ClosingPush;
import java.time.LocalDate;

/**
 * Months that differ, for histories with a known truth: each calendar month has its own
 * inflow factor (Gamma, mean 1, coefficient of variation {@code inflowCv}) and its own shift of
 * the advance exits' log odds, N(season[month of quarter], conversionSd^2), applied to every
 * exit that happens in that month. It needs one dwell per stage (no exit-specific dwells, a
 * stalled share aside), so that the dwell can be drawn first and the exit chosen by the month
 * in which the dwell ends. Under a closing {@code push}, a dwell that ends in a win runs on the
 * push clock of the log's calendar.
 */
public record MonthVariation(double inflowCv, double conversionSd, double[] season, ClosingPush push, WorkClock clock,
                             LocalDate start) {
    public static final MonthVariation NONE = new MonthVariation(0, 0, new double[3], ClosingPush.NONE, null, null);

    /** The same months on a log that starts at {@code start} on {@code clock}. */
    public MonthVariation on(WorkClock c, LocalDate s) {
        return new MonthVariation(inflowCv, conversionSd, season, push, c, s);
    }
}
