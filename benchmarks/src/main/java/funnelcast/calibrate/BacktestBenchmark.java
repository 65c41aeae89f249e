package funnelcast.calibrate;

import funnelcast.backtest.Backtest;
import funnelcast.history.History;
import funnelcast.history.OpportunityReader;
import funnelcast.history.StageNames;
import funnelcast.history.WorkClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
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
 * The backtest of the README on the shared Maven data: the last 12 months (9 of which can be
 * calibrated), 5,000 trials a month, months side by side on 2 threads, with the default month
 * effects and stalled shares, and without them for comparison. Reading the CSV is outside the
 * timing. Needs ../shared/data beside the repository.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class BacktestBenchmark {
    static final String MAVEN = "shared/data/maven-crm-sales-opportunities/sales_pipeline.csv";

    @Param({"default", "none"})
    public String ingredients;

    History history;
    WorkClock clock;

    @Setup
    public void setUp() {
        Path file = null;
        for (String prefix : new String[] {"../", "../../"}) {
            if (Files.exists(Path.of(prefix + MAVEN))) {
                file = Path.of(prefix + MAVEN);
            }
        }
        if (file == null) {
            throw new IllegalStateException("../" + MAVEN + " not found: run from the repository root or benchmarks/");
        }
        history = OpportunityReader.read(file, new OpportunityReader.Mapping(Map.of("id", "opportunity_id", "start",
            "engage_date", "close", "close_date", "outcome", "deal_stage", "value", "close_value", "rep", "sales_agent"),
            StageNames.DEFAULT, null, Map.of(), null, "open"));
        LocalDate first = history.first().toLocalDate();
        // as the command line builds it
        clock = new WorkClock(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), first.minusDays(400),
            history.last().toLocalDate().plusMonths(2).plusDays(400));
    }

    @Benchmark
    public Backtest.Result twelveMonths() {
        MonthFit.Options months = ingredients.equals("default") ? MonthFit.Options.DEFAULT : MonthFit.Options.NONE;
        return Backtest.run(history, new Backtest.Options(clock, 12, 0, 5000, 42, 2, m -> { }, months));
    }
}
