package funnelcast.engine;

import funnelcast.model.Funnel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap while forecasting 10^5, 10^6 and 10^7 trials of the telesales scenario on one thread.
 * Two figures: the live heap, read after a full collection at every tenth of the run (what the
 * forecast keeps: flat when nothing is kept per trial), and the peak heap in use, which also
 * counts garbage not yet collected and so depends on when the collector ran. The serial
 * collector compacts the whole heap, so the live figure is exact. Run: java -Xmx256m
 * -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar funnelcast.engine.HeapProbe
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) {
        Funnel f = Scenarios.load("telesales.json");
        int threads = 1; // so that nothing else allocates while the live heap is read
        for (long trials : new long[] {100_000, 1_000_000, 10_000_000}) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            AtomicLong live = new AtomicLong();
            AtomicLong nextTenth = new AtomicLong(trials / 10);
            long start = System.nanoTime();
            MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 42, threads).withProgress(done -> {
                long mark = nextTenth.get();
                if (done >= mark && nextTenth.compareAndSet(mark, mark + trials / 10)) {
                    System.gc();
                    live.accumulateAndGet(heapUsed(false), Math::max);
                }
            }));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "trials %,12d: live heap %5.1f MB, peak heap in use %5.1f MB, %.1f s (with the collections)%n",
                trials, live.get() / 1e6, heapUsed(true) / 1e6, seconds);
        }
    }

    private static long heapUsed(boolean peak) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += (peak ? pool.getPeakUsage() : pool.getUsage()).getUsed();
            }
        }
        return used;
    }
}
