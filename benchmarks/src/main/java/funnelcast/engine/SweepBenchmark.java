package funnelcast.engine;

import funnelcast.sweep.Sweep;
import funnelcast.sweep.SweepEngine;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sweep's throughput: the 12-case Monte Carlo grid of docs/sweep.md (inflow 4, 5, 6 a day by
 * the contact stage's need 0.4..0.6 on the shipped telesales scenario), 20,000 trials a case,
 * by the local engine (a case after another, each on 2 threads) and by the Spark engine in this
 * process on {@code local[2]} (2 cases at once, each on 1 thread), Spark's start and stop
 * included as in every command-line run. Cases a minute = 12 / (seconds an op) x 60.
 * The Spark engine must be on the class path: {@code bash benchmarks/sweep} puts it there.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class SweepBenchmark {
    @Param({"local", "spark"})
    public String engine;

    SweepEngine runner;
    Sweep.Job job;

    @Setup
    public void setUp() {
        Path file = Files.exists(Path.of("scenarios/telesales.json")) ? Path.of("scenarios/telesales.json")
            : Path.of("../scenarios/telesales.json");
        ScenarioSource base = ScenarioSource.load(file);
        List<Sweep.Case> cases = new ArrayList<>();
        for (String perDay : List.of("4", "5", "6")) {
            for (String need : List.of("0.4", "0.5", "0.55", "0.6")) {
                cases.add(new Sweep.Case(cases.size(), List.of(perDay, need), base, List.of(
                    new Setting("inflow.perDay", perDay), new Setting("stages.contact.exits.need", need)), null));
            }
        }
        job = new Sweep.Job(cases, Sweep.Options.monteCarlo(20_000, 1, 2, 0.8));
        runner = SweepEngine.LOCAL;
        if (engine.equals("spark")) {
            runner = ServiceLoader.load(SweepEngine.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("spark")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Spark engine is not on the class path: run bash benchmarks/sweep"));
        }
    }

    @Benchmark
    public List<Sweep.CaseResult> twelveCases() {
        return runner.run(job, engine.equals("spark") ? "local[2]" : null, done -> { });
    }
}
