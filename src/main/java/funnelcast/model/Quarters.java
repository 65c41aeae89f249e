package funnelcast.model;

import java.time.Month;

/** A month's place in its quarter, from java.time's quarters: what seasonality and the quarter-end push need. */
public final class Quarters {
    private Quarters() {
    }

    /** 0, 1 or 2: the first, second or last month of its quarter. */
    public static int place(Month month) {
        return month.getValue() - month.firstMonthOfQuarter().getValue();
    }

    /** Whether the month closes its quarter (March, June, September, December). */
    public static boolean endsQuarter(Month month) {
        return place(month) == 2;
    }
}
