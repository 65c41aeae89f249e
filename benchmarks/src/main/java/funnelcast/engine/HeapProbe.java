package funnelcast.engine;

import funnelcast.model.Funnel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap in use while forecasting 10^5, 10^6 and 10^7 trials of the telesales scenario: flat
 * when nothing is kept per trial. Run: java -cp benchmarks/target/benchmarks.jar
 * funnelcast.engine.HeapProbe (with -Xmx256m to show it needs little).
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) {
        Funnel f = Scenarios.load("telesales.json");
        int threads = Runtime.getRuntime().availableProcessors();
        for (long trials : new long[] {100_000, 1_000_000, 10_000_000}) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            long start = System.nanoTime();
            MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(trials, 42, threads));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("trials %,12d: peak heap %6.1f MB, %.1f s%n", trials, peak / 1e6, seconds);
        }
    }
}
