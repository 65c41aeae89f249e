package funnelcast.calibrate;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A stage's visits kept as columns (kind, bounds, exit, rep) and read back one {@link Observation}
 * at a time: a million-event history's million visits are a few arrays, not a million objects
 * that every young collection copies while the stages are fitted.
 */
final class Visits extends AbstractList<Observation> implements RandomAccess {
    private static final Observation.Kind[] KINDS = Observation.Kind.values();

    private byte[] kind = new byte[16];
    private double[] lo = new double[16];
    private double[] hi = new double[16];
    private String[] exit = new String[16];
    private String[] rep = new String[16];
    private int size;

    @Override
    public boolean add(Observation o) {
        add(o.kind(), o.lo(), o.hi(), o.dest(), o.rep());
        return true;
    }

    /** Adds a visit from its parts, no {@link Observation} made for it. */
    void add(Observation.Kind k, double low, double high, String exitTo, String repName) {
        if (size == kind.length) {
            int capacity = 2 * size;
            kind = Arrays.copyOf(kind, capacity);
            lo = Arrays.copyOf(lo, capacity);
            hi = Arrays.copyOf(hi, capacity);
            exit = Arrays.copyOf(exit, capacity);
            rep = Arrays.copyOf(rep, capacity);
        }
        kind[size] = (byte) k.ordinal();
        lo[size] = low;
        hi[size] = high;
        exit[size] = exitTo;
        rep[size++] = repName;
        modCount++;
    }

    /** The visits as columns: these, or a copy of another list's. */
    static Visits of(List<Observation> observations) {
        if (observations instanceof Visits v) {
            return v;
        }
        Visits v = new Visits();
        v.addAll(observations);
        return v;
    }

    Observation.Kind kind(int i) {
        return KINDS[kind[i]];
    }

    double lo(int i) {
        return lo[i];
    }

    double hi(int i) {
        return hi[i];
    }

    /** The exit taken (null while open). */
    String exit(int i) {
        return exit[i];
    }

    String rep(int i) {
        return rep[i];
    }

    /**
     * Each visit's exit by its place in {@code exits}, which it fills in the order first seen;
     * -1 for an open visit.
     */
    int[] exitNumbers(List<String> exits) {
        int[] exitOf = new int[size];
        for (int i = 0; i < size; i++) {
            if (completed(i)) {
                int e = exits.indexOf(exit[i]);
                if (e < 0) {
                    e = exits.size();
                    exits.add(exit[i]);
                }
                exitOf[i] = e;
            } else {
                exitOf[i] = -1;
            }
        }
        return exitOf;
    }

    /** {@link Observation#completed} of visit i. */
    boolean completed(int i) {
        return Observation.completed(KINDS[kind[i]]);
    }

    /** {@link Observation#time} of visit i. */
    double time(int i) {
        return Observation.time(KINDS[kind[i]], lo[i], hi[i]);
    }

    @Override
    public Observation get(int i) {
        Objects.checkIndex(i, size);
        return new Observation(KINDS[kind[i]], lo[i], hi[i], exit[i], rep[i]);
    }

    @Override
    public int size() {
        return size;
    }
}
