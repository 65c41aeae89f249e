package funnelcast.engine;

import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.plan.Plan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The exact method (renewal grid at its default resolution) and the plan, on the telesales scenario. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ExactBenchmark {
    Funnel funnel;

    @Setup(Level.Trial)
    public void setUp() {
        funnel = Scenarios.load("telesales.json");
    }

    @Benchmark
    public Forecast exact() {
        return ExactMethod.forecast(funnel);
    }

    @Benchmark
    public Plan plan() {
        return Plan.of(funnel, 0.8, ExactMethod.defaultStepsPerDay(funnel.scenario().horizonDays()));
    }
}
