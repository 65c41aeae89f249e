package funnelcast.engine;

import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import java.util.concurrent.TimeUnit;
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

/** Time against inflow: the telesales forecast at 1x, 2x and 4x its new deals a day (10^5 trials, 1 thread). */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class InflowBenchmark {
    @Param({"1", "2", "4"})
    public double inflowFactor;

    Funnel funnel;

    @Setup(Level.Trial)
    public void setUp() {
        Funnel base = Scenarios.load("telesales.json");
        funnel = Funnel.of(base.scenario().withInflow(base.scenario().inflow().perDay() * inflowFactor));
    }

    @Benchmark
    public Forecast forecast() {
        return MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(100_000, 42, 1));
    }
}
