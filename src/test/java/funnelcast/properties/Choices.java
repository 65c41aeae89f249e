package funnelcast.properties;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The random choices a generated scenario is built from: a list of numbers that jqwik draws and,
 * when a property fails, shrinks (smaller numbers, down to 0), so the scenario shrinks with them
 * toward its first options (one stage, the first family, no pipeline). Past the list's end every
 * choice is the first option.
 */
final class Choices {
    /** Each choice is a number in [0, 2^30). */
    static final int RANGE = 1 << 30;

    private final List<Integer> values;
    private int next;

    private Choices(List<Integer> values) {
        this.values = values;
    }

    /** Choices jqwik draws and shrinks: 256 of them, more than the largest scenario takes. */
    static Arbitrary<Choices> arbitrary() {
        return Arbitraries.integers().between(0, RANGE - 1).list().ofSize(256).map(Choices::new);
    }

    private int next() {
        return next < values.size() ? values.get(next++) : 0;
    }

    int nextInt(int bound) {
        return next() % bound;
    }

    double nextDouble() {
        return next() / (double) RANGE;
    }

    boolean nextBoolean() {
        return nextInt(2) == 1;
    }

    /** A seed for the Monte Carlo runs of a property, fixed by the choices. */
    long seed() {
        return values.hashCode();
    }

    /** The choices up to the last that is not 0 (those after it are the first option anyway). */
    @Override
    public String toString() {
        int end = values.size();
        while (end > 0 && values.get(end - 1) == 0) {
            end--;
        }
        return "choices " + values.subList(0, end);
    }
}
