package funnelcast.web;

import funnelcast.scenario.ScenarioSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The explorer's latency: from a changed value to new figures. Each call is what the page sends
 * when a field moves: an HTTP request on loopback with the scenario's settings, answered by the
 * exact method (forecast, inflow needed at 80%, the bottleneck's sensitivity, the stage stock) as
 * JSON. The changed value alternates between two values on every call, and nothing is cached,
 * so every call computes. One scenario per parameter, each of the shipped ones.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ExplorerBenchmark {
    @Param({"telesales.json", "midmonth-team.json", "fallbacks-reneging.yaml"})
    public String scenario;

    private Explorer explorer;
    private HttpClient http;
    private URI figures;
    private String[] bodies;
    private int call;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dir = Files.isDirectory(Path.of("scenarios")) ? Path.of("scenarios") : Path.of("../scenarios");
        explorer = Explorer.start(List.of(ScenarioSource.load(dir.resolve(scenario))), "127.0.0.1", 0);
        http = HttpClient.newHttpClient();
        figures = URI.create("http://127.0.0.1:" + explorer.port() + "/api/figures");
        boolean team = scenario.startsWith("midmonth");
        String path = team ? "inflow.perRepPerDay" : "inflow.perDay";
        String[] values = team ? new String[] {"0.9", "1.1"} : new String[] {"4.5", "5.5"};
        bodies = new String[] {"{\"set\": [\"" + path + "=" + values[0] + "\"]}",
            "{\"set\": [\"" + path + "=" + values[1] + "\"]}"};
    }

    @TearDown(Level.Trial)
    public void stop() {
        explorer.close();
    }

    @Benchmark
    public String changedValueToFigures() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(figures)
            .POST(HttpRequest.BodyPublishers.ofString(bodies[call++ & 1])).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.body());
        }
        return r.body();
    }
}
