package funnelcast.engine;

import funnelcast.model.Funnel;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The engine's cost against its two baselines, measured in pairs. On a shared machine the
 * speed drifts from minute to minute, which widens the intervals of benchmarks run one after
 * the other; here each round runs a forecast of 10^5 trials (1 thread) and then the same
 * blocks' variates and random words alone, so each ratio compares runs seconds apart. Prints
 * the median ratio and the 10-90% range of the rounds. Run: java -cp
 * benchmarks/target/benchmarks.jar funnelcast.engine.PairedRatio [rounds]
 */
public final class PairedRatio {
    private PairedRatio() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int blocks = 100;
        long trials = (long) blocks * MonteCarloEngine.BLOCK_TRIALS;
        Funnel funnel = Scenarios.load("telesales.json");
        VariateBaseline variates = new VariateBaseline(new KernelTables(funnel), MonteCarloEngine.BLOCK_TRIALS);
        BlockKernel kernel = BlockKernel.of(new KernelTables(funnel), MonteCarloEngine.BLOCK_TRIALS);
        CountingProvider counter = new CountingProvider(RandomSource.L64_X128_MIX.create(1L));
        kernel.bind(new Streams(counter, counter, counter, counter, counter));
        for (int i = 0; i < 20; i++) {
            kernel.run(MonteCarloEngine.BLOCK_TRIALS);
        }
        long wordsPerBlock = counter.words / 20;

        double[] overVariates = new double[rounds];
        double[] overWords = new double[rounds];
        double[] perTrial = new double[rounds];
        double sink = 0;
        int warmup = Math.max(5, rounds / 5);
        for (int r = -warmup; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(trials, 42, 1)).wins().mean();
            long t1 = System.nanoTime();
            for (int b = 0; b < blocks; b++) {
                sink += variates.draw(Streams.of(42, b).dwells());
            }
            long t2 = System.nanoTime();
            for (int b = 0; b < blocks; b++) {
                UniformRandomProvider rng = Streams.of(42, b).dwells();
                long x = 0;
                for (long i = wordsPerBlock; i > 0; i--) {
                    x ^= rng.nextLong();
                }
                sink += x & 1;
            }
            long t3 = System.nanoTime();
            if (r >= 0) {
                overVariates[r] = (double) (t1 - t0) / (t2 - t1);
                overWords[r] = (double) (t1 - t0) / (t3 - t2);
                perTrial[r] = (t1 - t0) / 1e3 / trials;
            }
        }
        System.out.printf(Locale.ROOT, "telesales, %d rounds of %,d trials on 1 thread (checksum %s)%n", rounds, trials, sink != 0);
        System.out.println("  forecast, microseconds a trial: " + summary(perTrial));
        System.out.println("  forecast / exact variates only: " + summary(overVariates));
        System.out.println("  forecast / random words only:   " + summary(overWords));
    }

    private static String summary(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %.2f (10-90%%: %.2f..%.2f)", s[s.length / 2], s[s.length / 10], s[s.length * 9 / 10]);
    }
}
