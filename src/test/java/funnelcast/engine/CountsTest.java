package funnelcast.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.forecast.Pmf;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountsTest {
    /** Windowed counts, merged in any order, give the dense array's pmf, mean and quantiles. */
    @Test
    void agreesWithDenseCountsWhateverTheMergeOrder() {
        SplittableRandom r = new SplittableRandom(3);
        long[] dense = new long[400];
        Counts[] parts = {new Counts(), new Counts(), new Counts()};
        int n = 5000;
        for (int i = 0; i < n; i++) {
            int v = i % 3 == 0 ? 300 + r.nextInt(50) : 120 + r.nextInt(30); // two bands, far from 0
            dense[v]++;
            parts[i % 3].add(v);
        }
        Counts forward = new Counts();
        Counts backward = new Counts();
        for (int i = 0; i < 3; i++) {
            forward.addAll(parts[i]);
            backward.addAll(parts[2 - i]);
        }
        long[] trimmed = Arrays.copyOf(dense, 350);
        double mean = 0;
        for (int v = 0; v < dense.length; v++) {
            mean += (double) v * dense[v] / n;
        }
        for (Counts c : new Counts[] {forward, backward}) {
            assertArrayEquals(trimmed, c.fromZero());
            assertEquals(mean, c.mean(n), 1e-9);
            for (double q : new double[] {0.05, 0.10, 0.25, 0.5, 0.66, 0.75, 0.9, 0.95, 1.0}) {
                assertEquals(Pmf.quantile(dense, n, q), c.quantile(n, q), "q = " + q);
            }
        }
    }

    /** A day's cumulative wins near a million hold a window of their spread, not a million counts. */
    @Test
    void memoryFollowsTheSpreadNotTheSize() {
        Counts c = new Counts();
        for (int i = 0; i < 1000; i++) {
            c.add(1_000_000 + (i * 7919) % 200);
        }
        assertTrue(c.held() <= 512, "held " + c.held());
        assertEquals(1_000_000, c.quantile(1000, 0.0005));
    }

    /** A band that widens a value at a time, downwards or upwards (new extremes as trials accrue), keeps a window near its width. */
    @Test
    void aBandWideningValueByValueKeepsASmallWindow() {
        Counts down = new Counts();
        Counts up = new Counts();
        for (int v = 0; v < 200; v++) {
            down.add(100_000 - v);
            up.add(100_000 + v);
        }
        assertTrue(down.held() <= 3 * 200, "held " + down.held());
        assertTrue(up.held() <= 3 * 200, "held " + up.held());
        assertEquals(100_000 - 199, down.quantile(200, 0.001));
        assertEquals(100_000 + 199, up.quantile(200, 1.0));
    }
}
