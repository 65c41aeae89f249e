package funnelcast.engine;

import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole forecasts of the telesales scenario: 10^5 and 10^6 trials on 1 and on 2 threads, beside
 * the two baselines for the same trials (the exact variates they draw, and the raw random
 * words), run the way the engine runs them (blocks on their own streams, on the same threads).
 * {@link InflowBenchmark} varies the inflow.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ForecastBenchmark {
    @Param({"100000", "1000000"})
    public long trials;

    @Param({"1", "2"})
    public int threads;

    Funnel funnel;
    long wordsPerBlock;
    VariateBaseline variates;

    @Setup(Level.Trial)
    public void setUp() {
        funnel = Scenarios.load("telesales.json");
        BlockKernel kernel = BlockKernel.of(new KernelTables(funnel), MonteCarloEngine.BLOCK_TRIALS);
        CountingProvider counter = new CountingProvider(RandomSource.L64_X128_MIX.create(1L));
        kernel.bind(new Streams(counter, counter, counter, counter, counter));
        int blocks = 20;
        for (int i = 0; i < blocks; i++) {
            kernel.run(MonteCarloEngine.BLOCK_TRIALS);
        }
        wordsPerBlock = counter.words / blocks;
        variates = new VariateBaseline(new KernelTables(funnel), MonteCarloEngine.BLOCK_TRIALS);
    }

    /** The exact variates the trials need (per sampler, counted), block by block on the same threads, nothing else. */
    @Benchmark
    public double variatesOnly() throws Exception {
        int blocks = (int) (trials / variates.trials());
        return onThreads(blocks, b -> variates.draw(Streams.of(42, b).dwells()));
    }

    /** Runs {@code blocks} blocks on {@code threads} workers, as the engine hands them out; sums their results. */
    private double onThreads(int blocks, IntToDoubleFunction block) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> parts = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                parts.add(pool.submit(() -> {
                    double x = 0;
                    for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                        x += block.applyAsDouble(b);
                    }
                    return x;
                }));
            }
            double x = 0;
            for (var f : parts) {
                x += f.get();
            }
            return x;
        } finally {
            pool.shutdown();
        }
    }

    @Benchmark
    public Forecast forecast() {
        return MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(trials, 42, threads));
    }

    /** The limit: the same random words, block by block on each block's own stream, on the same threads. */
    @Benchmark
    public double randomNumbersOnly() throws Exception {
        int blocks = (int) ((trials + MonteCarloEngine.BLOCK_TRIALS - 1) / MonteCarloEngine.BLOCK_TRIALS);
        return onThreads(blocks, b -> {
            UniformRandomProvider rng = Streams.of(42, b).dwells();
            long x = 0;
            for (long i = wordsPerBlock; i > 0; i--) {
                x ^= rng.nextLong();
            }
            return x;
        });
    }
}
