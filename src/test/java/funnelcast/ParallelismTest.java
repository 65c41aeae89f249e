package funnelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The caller's parallelism: results in the items' order, exceptions as raised, the first item's first. */
class ParallelismTest {
    @Test
    void mapKeepsTheItemsOrderAndRethrowsTheFirstFailure() {
        Parallelism two = Parallelism.of(2);
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        assertEquals(items.stream().map(i -> i * i).toList(), two.map(items, i -> i * i));
        IllegalStateException first = new IllegalStateException("first");
        assertSame(first, assertThrows(IllegalStateException.class, () -> two.map(List.of(0, 1, 2), i -> {
            if (i == 0) {
                throw first;
            }
            throw new IllegalArgumentException("second");
        })));
    }
}
