package funnelcast.engine;

import funnelcast.model.Funnel;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot loops: one deal's path, one trial, and two baselines a trial is measured against: the
 * raw random words it draws (counted), and the exact variates it draws (counted per sampler),
 * each without the trial's logic.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    static final int DEALS = 1000;

    @State(Scope.Thread)
    public static class Telesales {
        @Param({"telesales.json", "midmonth-team.json"})
        public String scenario;
        TrialKernel kernel;
        int entry;
        UniformRandomProvider rng;
        long wordsPerTrial;
        VariateBaseline variates;

        @Setup(Level.Trial)
        public void setUp() {
            Funnel f = Scenarios.load(scenario);
            kernel = new TrialKernel(new KernelSpec(f));
            entry = f.entry();
            // Count the words one trial draws, over many trials.
            CountingProvider counter = new CountingProvider(RandomSource.L64_X128_MIX.create(1L));
            kernel.bind(new Streams(counter, counter, counter, counter, counter));
            int trials = 20_000;
            for (int i = 0; i < trials; i++) {
                kernel.trial();
            }
            wordsPerTrial = counter.words / trials;
            kernel.bind(Streams.of(42, 0));
            rng = RandomSource.L64_X128_MIX.create(7L);
            variates = new VariateBaseline(new KernelSpec(f), 1000);
        }
    }

    /** One new deal's path through the funnel from its entry stage (ns per deal). */
    @Benchmark
    @OperationsPerInvocation(DEALS)
    public void dealPath(Telesales s, Blackhole bh) {
        for (int i = 0; i < DEALS; i++) {
            bh.consume(s.kernel.walk(s.entry, 0.0));
        }
    }

    /** One winner's path (the h-transformed walk the engine runs when parameters are fixed), ns per deal. */
    @Benchmark
    @OperationsPerInvocation(DEALS)
    public void winnerPath(Telesales s, Blackhole bh) {
        for (int i = 0; i < DEALS; i++) {
            bh.consume(s.kernel.winningWalk(s.entry, 0.0));
        }
    }

    /** One whole trial: the pipeline and the Poisson inflow. */
    @Benchmark
    public int trial(Telesales s) {
        s.kernel.trial();
        return s.kernel.wins;
    }

    /** The limit: only the random words a trial draws, nothing else. */
    @Benchmark
    public long trialRandomNumbersOnly(Telesales s) {
        long x = 0;
        for (long i = s.wordsPerTrial; i > 0; i--) {
            x ^= s.rng.nextLong();
        }
        return x;
    }

    /**
     * The variates a trial needs (exits, dwells, residual dwells, in the numbers the trial draws
     * them), without the trial's logic; per 1000 trials, so divide by 1000 (reported per trial
     * with OperationsPerInvocation).
     */
    @Benchmark
    @OperationsPerInvocation(1000)
    public double trialVariatesOnly(Telesales s) {
        return s.variates.draw(s.rng, 1);
    }

    @State(Scope.Thread)
    public static class AgedDeal {
        KernelSpec spec;
        TrialKernel kernel;

        @Setup(Level.Trial)
        public void setUp() {
            // fallbacks-reneging: pipeline deals at commit, aged, whose exits carry their own dwells
            spec = new KernelSpec(Scenarios.load("fallbacks-reneging.yaml"));
            kernel = new TrialKernel(spec);
            kernel.bind(Streams.of(42, 0));
        }
    }

    /** An aged pipeline deal with exit-specific dwells: conditioned first visit, then its path (ns per deal). */
    @Benchmark
    @OperationsPerInvocation(DEALS)
    public void agedDealPath(AgedDeal s, Blackhole bh) {
        int g = s.spec.groupStage.length - 1;
        for (int i = 0; i < DEALS; i++) {
            bh.consume(s.kernel.agedDeal(g));
        }
    }
}
