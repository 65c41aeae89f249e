package funnelcast.calibrate;

import java.util.Arrays;

/**
 * The history's visits in working time, kept as columns and read by index: the month fits walk
 * them a few times, and a million of them as objects would be copied by every young collection
 * until then (or made again at each walk).
 */
final class Timeline {
    private String[] stage = new String[16];
    private double[] entered = new double[16];
    private double[] ended = new double[16];
    private String[] exit = new String[16];
    private int size;

    /** Adds a visit: its stage, entry and end (NaN while open) and its exit (null while open). */
    void add(String stageId, double enteredAt, double endedAt, String exitTo) {
        if (size == stage.length) {
            int capacity = 2 * size;
            stage = Arrays.copyOf(stage, capacity);
            entered = Arrays.copyOf(entered, capacity);
            ended = Arrays.copyOf(ended, capacity);
            exit = Arrays.copyOf(exit, capacity);
        }
        stage[size] = stageId;
        entered[size] = enteredAt;
        ended[size] = endedAt;
        exit[size++] = exitTo;
    }

    int size() {
        return size;
    }

    String stage(int i) {
        return stage[i];
    }

    /** When visit i began, in working time. */
    double entered(int i) {
        return entered[i];
    }

    /** When visit i ended, NaN while open. */
    double ended(int i) {
        return ended[i];
    }

    /** The exit visit i took, null while open. */
    String exit(int i) {
        return exit[i];
    }

    /** The first month visit i was open in, of months ending at {@code ends}: the first whose end is after its entry (bisection). */
    int firstMonth(int i, double[] ends) {
        int at = Arrays.binarySearch(ends, entered[i]);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
