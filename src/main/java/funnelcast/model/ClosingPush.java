package funnelcast.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The period-end closing push: in the last {@code days} working days of every month (or, when
 * {@code quarterly}, of every quarter), deals close {@code factor} times faster. Every dwell that
 * ends in a win runs on a clock that ticks {@code factor} times per working day inside those
 * windows and once outside them ({@link PushClock}); dwells that end anywhere else keep the
 * working-day clock. A change of clock moves when deals are won, never whether: eventual win
 * probabilities stay as they are. {@link #NONE} pushes nothing.
 */
public record ClosingPush(double factor, int days, boolean quarterly) {
    public static final ClosingPush NONE = new ClosingPush(1, 0, false);
    /** The strongest push: deals closing ten times faster; and the longest window, in working days. */
    public static final double MAX_FACTOR = 10;
    public static final int MAX_DAYS = 10;

    public ClosingPush {
        if (!(factor >= 1 / MAX_FACTOR && factor <= MAX_FACTOR)) {
            throw new IllegalArgumentException("push factor must lie in [0.1, " + MAX_FACTOR + "], got " + factor);
        }
        if (!(days >= 0 && days <= MAX_DAYS)) {
            throw new IllegalArgumentException("push days must lie in [0, " + MAX_DAYS + "], got " + days);
        }
    }

    public boolean isNone() {
        return factor == 1 || days == 0;
    }

    /** "x1.80 in the last 3 working days of each quarter", or "none". */
    public String describe() {
        return isNone() ? "none" : String.format(Locale.ROOT, "x%.2f in the last %d working days of each %s",
            factor, days, quarterly ? "quarter" : "month");
    }

    /**
     * Whether a working date lies in a push window: fewer than {@code days} working days follow it
     * in its month (a quarter's last month when quarterly). Dates after the horizon count as
     * working days on the calendar's weekdays (its holidays are known only inside it).
     */
    boolean pushes(LocalDate date, WorkCalendar calendar) {
        if (isNone() || quarterly && !Quarters.endsQuarter(date.getMonth())) {
            return false;
        }
        int after = 0;
        LocalDate end = date.withDayOfMonth(date.lengthOfMonth());
        for (LocalDate d = date.plusDays(1); !d.isAfter(end) && after < days; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                after++;
            }
        }
        return after < days;
    }

    /** The push windows of a horizon as a clock in model time (working day k spans (k - 1, k]). */
    public PushClock clock(WorkCalendar calendar) {
        if (isNone()) {
            return PushClock.NONE;
        }
        List<double[]> windows = new ArrayList<>();
        List<LocalDate> dates = calendar.workingDays();
        for (int k = 1; k <= dates.size(); k++) {
            if (!pushes(dates.get(k - 1), calendar)) {
                continue;
            }
            if (!windows.isEmpty() && windows.get(windows.size() - 1)[1] == k - 1) {
                windows.get(windows.size() - 1)[1] = k;
            } else {
                windows.add(new double[] {k - 1, k});
            }
        }
        return PushClock.of(windows, factor);
    }
}
