package funnelcast.calibrate;

import java.util.Arrays;

/** A visit of the history: its stage, when it began and ended in working time (NaN while open), and its exit. */
record TimedVisit(String stage, double entered, double ended, String exit) {
    /** The first month the visit was open in, of months ending at {@code ends}: the first whose end is after its entry (bisection). */
    int firstMonth(double[] ends) {
        int i = Arrays.binarySearch(ends, entered);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
