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
 * The hot loops: one deal's path, one trial (a block of 1000 trials, per trial), and two
 * baselines a trial is measured against: the raw random words it draws (counted), and the
 * exact variates it draws (counted per sampler), each without the trial's logic.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    static final int DEALS = 1000;
    static final int BLOCK = MonteCarloEngine.BLOCK_TRIALS;

    @State(Scope.Thread)
    public static class Telesales {
        @Param({"telesales.json", "midmonth-team.json"})
        public String scenario;
        BlockKernel winners;
        TrialKernel plain;
        int entry;
        UniformRandomProvider rng;
        long wordsPerBlock;
        VariateBaseline variates;

        @Setup(Level.Trial)
        public void setUp() {
            Funnel f = Scenarios.load(scenario);
            KernelTables tables = new KernelTables(f);
            winners = BlockKernel.of(tables, BLOCK);
            plain = new TrialKernel(tables, BLOCK);
            entry = f.entry();
            // Count the words a block of trials draws, over many blocks.
            CountingProvider counter = new CountingProvider(RandomSource.L64_X128_MIX.create(1L));
            winners.bind(new Streams(counter, counter, counter, counter, counter));
            int blocks = 20;
            for (int i = 0; i < blocks; i++) {
                winners.run(BLOCK);
            }
            wordsPerBlock = counter.words / blocks;
            winners.bind(Streams.of(42, 0));
            plain.bind(Streams.of(42, 0));
            rng = RandomSource.L64_X128_MIX.create(7L);
            variates = new VariateBaseline(new KernelTables(f), BLOCK);
        }
    }

    /** One new deal's full path, losers included, from its entry stage (ns per deal): the plain path. */
    @Benchmark
    @OperationsPerInvocation(DEALS)
    public void dealPath(Telesales s, Blackhole bh) {
        for (int i = 0; i < DEALS; i++) {
            bh.consume(s.plain.walk(s.entry, 0.0));
        }
    }

    /** One trial as the engine runs it: the eventual winners of a block of trials, stage by stage (ns per trial). */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public int trial(Telesales s) {
        return s.winners.run(BLOCK).wins[BLOCK - 1];
    }

    /** One trial on the plain path (every deal, deal by deal), as under parameter uncertainty (ns per trial). */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public int plainTrial(Telesales s) {
        return s.plain.run(BLOCK).wins[BLOCK - 1];
    }

    /** The limit: only the random words a trial draws, nothing else (ns per trial). */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public long trialRandomNumbersOnly(Telesales s) {
        long x = 0;
        for (long i = s.wordsPerBlock; i > 0; i--) {
            x ^= s.rng.nextLong();
        }
        return x;
    }

    /** Every variate a trial draws, each sampler in its own loop, without the trial's logic (ns per trial). */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double trialVariatesOnly(Telesales s) {
        return s.variates.draw(s.rng);
    }

    @State(Scope.Thread)
    public static class AgedDeal {
        KernelTables tables;
        TrialKernel kernel;

        @Setup(Level.Trial)
        public void setUp() {
            // fallbacks-reneging: pipeline deals at commit, aged, whose exits carry their own dwells
            tables = new KernelTables(Scenarios.load("fallbacks-reneging.yaml"));
            kernel = new TrialKernel(tables, 1);
            kernel.bind(Streams.of(42, 0));
        }
    }

    /** An aged pipeline deal with exit-specific dwells: conditioned first visit, then its path (ns per deal). */
    @Benchmark
    @OperationsPerInvocation(DEALS)
    public void agedDealPath(AgedDeal s, Blackhole bh) {
        int g = s.tables.pipelineStage.length - 1;
        for (int i = 0; i < DEALS; i++) {
            bh.consume(s.kernel.agedDeal(g));
        }
    }
}
