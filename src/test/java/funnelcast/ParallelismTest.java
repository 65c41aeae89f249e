package funnelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** Both run at once on two threads (each waits for the other to start), and come back in their places. */
    @Test
    void bothRunsSideBySide() {
        CountDownLatch started = new CountDownLatch(2);
        Parallelism.Both<String, Integer> done = Parallelism.of(2).both(() -> meet(started, "a"), () -> meet(started, 1));
        assertEquals("a", done.first());
        assertEquals(1, done.second());
        Parallelism.Both<String, Integer> serial = Parallelism.SERIAL.both(() -> "b", () -> 2);
        assertEquals(new Parallelism.Both<>("b", 2), serial);
        IllegalStateException failure = new IllegalStateException("first");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> Parallelism.of(2).both(() -> {
            throw failure;
        }, () -> {
            throw new IllegalArgumentException("second");
        })));
    }

    private static <T> T meet(CountDownLatch started, T value) {
        started.countDown();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other never started: not side by side");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return value;
    }
}
