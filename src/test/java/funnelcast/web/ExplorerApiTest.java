package funnelcast.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import funnelcast.InputException;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.plan.RequiredInflow;
import funnelcast.scenario.ScenarioReader;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The explorer's API over HTTP on loopback: figures equal to the exact method's (and formatted as
 * the command line prints them), bad requests answered with the command line's messages, bounds
 * on requests, 50 clients at once, and a server that listens on 127.0.0.1 only.
 */
class ExplorerApiTest {
    static final Path TELESALES = Path.of("scenarios/telesales.json");
    static final Path FALLBACKS = Path.of("scenarios/fallbacks-reneging.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Explorer explorer;

    @BeforeAll
    static void start() {
        explorer = Explorer.start(List.of(ScenarioSource.load(TELESALES), ScenarioSource.load(FALLBACKS)), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        explorer.close();
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + explorer.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + explorer.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** The exact forecast of a file with settings, as the command line's --set and --method exact compute it. */
    static Forecast exact(Path file, String... settings) {
        List<Setting> set = new ArrayList<>();
        for (String s : settings) {
            set.add(Setting.parse(s));
        }
        return ExactMethod.forecast(Funnel.of(ScenarioSource.readFile(file, set)));
    }

    /** Started without a store (serve without --db), the pace page's API says how to give one. */
    @Test
    void withoutAStoreThePaceIsRefusedWithWhatToDo() throws Exception {
        HttpResponse<String> pace = get("/api/pace");
        assertEquals(400, pace.statusCode());
        assertTrue(pace.body().contains("started without a store: start it with funnel serve --db DB"), pace.body());
        assertTrue(pace.body().contains("\"field\":\"db\""), pace.body());
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarWithAPolicyThatAllowsThisServerAlone() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/app.js\""), "the page's script is this server's");
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from another host");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("default-src 'self'"), policy);
        assertEquals(200, get("/app.js").statusCode());
        assertEquals(200, get("/app.css").statusCode());
        for (String path : List.of("/../core.xml", "/core.xml", "/scenarios/telesales.json", "/funnelcast/web/app.js")) {
            HttpResponse<String> file = get(path);
            assertTrue(file.statusCode() == 404 || file.statusCode() == 400, path + ": " + file.statusCode());
            assertFalse(file.body().contains("<project") || file.body().contains("\"stages\""), "no file-system access: " + path);
        }
    }

    @Test
    void theFiguresAreTheExactMethodsFormattedAsTheCommandLinePrintsThem() throws Exception {
        JsonNode f = JSON.readTree(post("/api/figures", "{}").body());
        Forecast expected = exact(TELESALES);
        assertEquals(expected.pHitTarget().getAsDouble(), f.get("pHitTarget").asDouble(), 1e-12);
        assertEquals("74.3%", f.get("pHitText").asText(), "forecast --method exact prints P(hit target) = 74.3%");
        assertEquals(expected.wins().mean(), f.get("mean").asDouble(), 1e-12);
        assertEquals("exact", f.get("method").asText());
        Funnel funnel = Funnel.of(ScenarioSource.readFile(TELESALES));
        double needed = RequiredInflow.forTarget(funnel, 0.8,
            ExactMethod.defaultStepsPerDay(funnel.scenario().horizonDays())).getAsDouble();
        assertEquals(needed, f.get("inflowNeeded").asDouble(), 1e-9 * needed);
        assertNotNull(f.get("bottleneck"));

        JsonNode what = JSON.readTree(post("/api/figures", "{\"set\": [\"inflow.perDay=6.5\"]}").body());
        Forecast edited = exact(TELESALES, "inflow.perDay=6.5");
        assertEquals(edited.pHitTarget().getAsDouble(), what.get("pHitTarget").asDouble(), 1e-12);
        assertEquals(Answers.percent(edited.pHitTarget().getAsDouble()), what.get("pHitText").asText());

        JsonNode yaml = JSON.readTree(post("/api/figures", "{\"scenario\": 1, \"confidence\": 0.9}").body());
        assertEquals(exact(FALLBACKS).pHitTarget().getAsDouble(), yaml.get("pHitTarget").asDouble(), 1e-12);
    }

    /**
     * A request asked again (a class opening one page) is answered from those kept, the same
     * bytes, without computing; a request that differs in anything, even a setting's spelling, is
     * computed; a bad one is refused each time, never kept.
     */
    @Test
    void aRequestAskedAgainIsAnsweredAsBeforeWithoutComputing() throws Exception {
        String body = "{\"set\": [\"inflow.perDay=5.25\"], \"confidence\": 0.7}";
        String first = post("/api/figures", body).body();
        long before = explorer.computed();
        assertEquals(first, post("/api/figures", body).body());
        assertEquals(before, explorer.computed(), "the second answer was kept, not computed");
        JsonNode other = JSON.readTree(post("/api/figures", "{\"set\": [\"inflow.perDay=5.250\"], \"confidence\": 0.7}").body());
        assertEquals(before + 1, explorer.computed(), "another body is computed");
        assertEquals(JSON.readTree(first).get("pHitTarget").asDouble(), other.get("pHitTarget").asDouble(), 0.0);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = post("/api/figures", "{\"set\": [\"inflow.perDay=-1\"]}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("inflow.perDay"), bad.body());
        }
    }

    /**
     * With parameter uncertainty the figures are the engine's, as forecast --uncertainty gives
     * them (100,000 trials, seed 42; the same whatever the threads); a scenario without counts
     * is refused beside the box.
     */
    @Test
    void parameterUncertaintyIsTheEnginesAsTheCommandLineRunsIt() throws Exception {
        JsonNode f = JSON.readTree(post("/api/figures", "{\"scenario\": 1, \"uncertainty\": true}").body());
        Forecast expected = MonteCarloEngine.forecast(Funnel.of(ScenarioSource.readFile(FALLBACKS)),
            new MonteCarloEngine.Options(100_000, 42, 1).withUncertainty(true));
        assertEquals(expected.pHitTarget().getAsDouble(), f.get("pHitTarget").asDouble(), 0);
        assertTrue(f.get("method").asText().startsWith("Monte Carlo with parameter uncertainty"), f.get("method").asText());
        HttpResponse<String> none = post("/api/figures", "{\"uncertainty\": true}");
        assertEquals(400, none.statusCode());
        assertEquals("uncertainty", JSON.readTree(none.body()).get("field").asText());
        assertTrue(JSON.readTree(none.body()).get("error").asText().contains("exitCounts"), none.body());
    }

    @Test
    void badValuesGetTheCommandLinesMessagesAndTheirField() throws Exception {
        HttpResponse<String> r = post("/api/figures", "{\"set\": [\"target.wins=25\", \"inflow.perDay=-1\"]}");
        assertEquals(400, r.statusCode());
        JsonNode e = JSON.readTree(r.body());
        String message;
        try {
            ScenarioSource.readFile(TELESALES, List.of(Setting.parse("target.wins=25"), Setting.parse("inflow.perDay=-1")));
            throw new AssertionError("the setting should be refused");
        } catch (InputException refused) {
            message = refused.getMessage();
        }
        assertEquals(message.replace(TELESALES.toString(), "scenarios/telesales.json"), e.get("error").asText());
        assertEquals("inflow.perDay", e.get("field").asText());
        assertEquals(400, post("/api/figures", "{\"set\": [\"stages.nowhere.exits.need=0.5\"]}").statusCode());
        assertEquals(400, post("/api/figures", "not json").statusCode());
        assertEquals(400, post("/api/figures", "{\"scenario\": 9}").statusCode());
        assertEquals(400, post("/api/figures", "{\"confidence\": 1.5}").statusCode());
        assertEquals(400, post("/api/months", "{\"count\": 100000}").statusCode());
        HttpResponse<String> big = post("/api/figures", "{\"source\": {\"text\": \"" + "x".repeat(3_000_000) + "\"}}");
        assertEquals(413, big.statusCode());
        assertTrue(JSON.readTree(big.body()).get("error").asText().contains("larger than"), big.body());
        HttpResponse<String> nowhere = get("/api/nothing");
        assertEquals(404, nowhere.statusCode());
        assertTrue(JSON.readTree(nowhere.body()).has("error"));
    }

    @Test
    void anOpenedScenarioTravelsInTheRequestAndADownloadReadsBackTheSame() throws Exception {
        String text = Files.readString(TELESALES);
        String opened = JSON.createObjectNode().set("source", JSON.createObjectNode().put("name", "mine.json")
            .put("text", text)).toString();
        assertEquals(JSON.readTree(post("/api/figures", "{}").body()).get("pHitTarget"),
            JSON.readTree(post("/api/figures", opened).body()).get("pHitTarget"));
        assertNull(JSON.readTree(post("/api/figures", opened).body()).get("pRevenueText"), "no revenue target, no figure");
        // a revenue target: the exact method's P(revenue >= target), formatted as the command line prints it
        Path midmonth = Path.of("scenarios/midmonth-team.json");
        JsonNode revenue = JSON.readTree(post("/api/figures", JSON.createObjectNode().set("source", JSON.createObjectNode()
            .put("name", "midmonth-team.json").put("text", Files.readString(midmonth))).toString()).body());
        double pRevenue = ExactMethod.forecast(Funnel.of(ScenarioSource.readFile(midmonth))).revenue().orElseThrow()
            .pHitTarget().getAsDouble();
        assertEquals(pRevenue, revenue.get("pRevenueTarget").asDouble(), 1e-12);
        assertEquals(Answers.percent(pRevenue), revenue.get("pRevenueText").asText());
        assertEquals(100_000, revenue.get("revenueTarget").asDouble());
        HttpResponse<String> download = post("/api/scenario", "{\"set\": [\"inflow.perDay=6.5\"]}");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow().contains("telesales.json"));
        Forecast back = ExactMethod.forecast(Funnel.of(ScenarioReader.parse(download.body(), "download.json", false)));
        assertEquals(exact(TELESALES, "inflow.perDay=6.5").pHitTarget().getAsDouble(),
            back.pHitTarget().getAsDouble(), 0, "the downloaded scenario is the what-if");
    }

    /**
     * Simulated months: each one trial of the engine on its own seed, the same whenever drawn;
     * 400 of them average the exact mean within 4 standard errors (the exact sd / 20).
     */
    @Test
    void simulatedMonthsScatterAroundTheExactForecast() throws Exception {
        JsonNode a = JSON.readTree(post("/api/months", "{\"seed\": 7, \"from\": 0, \"count\": 200}").body()).get("wins");
        JsonNode b = JSON.readTree(post("/api/months", "{\"seed\": 7, \"from\": 200, \"count\": 200}").body()).get("wins");
        assertEquals(a.get(5), JSON.readTree(post("/api/months", "{\"seed\": 7, \"from\": 5, \"count\": 1}").body())
            .get("wins").get(0), "month 5 is the same whenever it is drawn");
        double sum = 0;
        for (JsonNode w : a) {
            sum += w.asDouble();
        }
        for (JsonNode w : b) {
            sum += w.asDouble();
        }
        Forecast f = exact(TELESALES);
        assertEquals(f.wins().mean(), sum / 400, 4 * f.wins().sd() / Math.sqrt(400));
    }

    /**
     * 50 clients at once on loopback, five on each of ten what-ifs, interleaved: every answer is
     * its own what-if's exact figure (an answer crossed between clients would be another's).
     */
    @Tag("slow")
    @Test
    void fiftyConcurrentClientsAllGetTheirOwnCorrectAnswers() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Double>> asks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String perDay = String.valueOf(3 + 0.1 * (i % 10));
                asks.add(() -> JSON.readTree(post("/api/figures", "{\"set\": [\"inflow.perDay=" + perDay + "\"]}").body())
                    .get("pHitTarget").asDouble());
            }
            List<Future<Double>> answers = clients.invokeAll(asks);
            // the ten what-ifs' exact figures, apart from each other, on every core
            double[] expected = IntStream.range(0, 10).parallel()
                .mapToDouble(i -> exact(TELESALES, "inflow.perDay=" + (3 + 0.1 * i)).pHitTarget().getAsDouble()).toArray();
            for (int i = 0; i < 50; i++) {
                assertEquals(expected[i % 10], answers.get(i).get(), 1e-12, "client " + i);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** It listens on 127.0.0.1 only: on this machine's other addresses the port is closed. */
    @Test
    void itListensOnLoopbackOnly() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                    others.add(a);
                }
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", explorer.port()), 2000);
        }
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, explorer.port()), 2000);
                throw new AssertionError("the explorer answered on " + a);
            } catch (ConnectException expected) {
                // refused: nothing listens there
            }
        }
    }
}
