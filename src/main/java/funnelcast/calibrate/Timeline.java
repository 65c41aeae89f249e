package funnelcast.calibrate;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The history's visits in working time, kept as columns and read back one {@link TimedVisit} at
 * a time: the month fits walk them a few times, and a million of them as objects would be
 * copied by every young collection until then.
 */
final class Timeline extends AbstractList<TimedVisit> implements RandomAccess {
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
        modCount++;
    }

    @Override
    public TimedVisit get(int i) {
        Objects.checkIndex(i, size);
        return new TimedVisit(stage[i], entered[i], ended[i], exit[i]);
    }

    @Override
    public int size() {
        return size;
    }
}
