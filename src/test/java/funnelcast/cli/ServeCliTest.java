package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.scenario.ScenarioSource;
import funnelcast.web.Explorer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** funnel serve's refusals: each one line and exit 2, before anything listens. */
class ServeCliTest {
    @Test
    void aScenarioThatCannotBeReadIsRefusedBeforeTheServerStarts() {
        Cli r = Cli.run("serve", "nowhere.json", "--port", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("nowhere.json: no such file"), r.err());
        Cli bad = Cli.run("serve", "scenarios/telesales.json", "--set", "x=1");
        assertEquals(2, bad.exitCode(), "serve takes no --set: the page makes its own");
    }

    @Test
    void aPortOutOfRangeOrInUseIsRefusedWithWhatToDo() {
        Cli host = Cli.run("serve", "--host", "no.such.host.invalid", "--port", "0");
        assertEquals(2, host.exitCode(), host.err());
        assertTrue(host.err().contains("--host no.such.host.invalid: no such address"), host.err());
        Cli r = Cli.run("serve", "--port", "70000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--port 70000: expected 0..65535"), r.err());
        try (Explorer taken = Explorer.start(List.of(ScenarioSource.load(Path.of("scenarios/telesales.json"))),
            "127.0.0.1", 0)) {
            Cli busy = Cli.run("serve", "--port", String.valueOf(taken.port()));
            assertEquals(2, busy.exitCode(), busy.err());
            assertTrue(busy.err().contains("cannot listen there") && busy.err().contains("--port 0"), busy.err());
        }
    }

    /**
     * The command itself, in its own JVM as the launcher starts it: it prints its URL, answers
     * there with the exact P(hit) of forecast --method exact, listens on 127.0.0.1 only, and
     * stops cleanly when told to (SIGTERM, as Ctrl-C).
     */
    @Test
    void serveAnswersOnLoopbackOnlyWithTheExactPHit() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "funnelcast.cli.Main",
            "serve", "scenarios/telesales.json", "--port", "0").redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.matches("funnel serve: the explorer is at http://127\\.0\\.0\\.1:\\d+/ .*"),
                String.valueOf(line));
            int port = Integer.parseInt(line.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            var http = HttpClient.newHttpClient();
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/figures")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            Cli exact = Cli.run("forecast", "scenarios/telesales.json", "--method", "exact");
            String pHit = exact.out().replaceAll("(?s).*P\\(hit target\\) = ([0-9.]+%).*", "$1");
            assertTrue(body.contains("\"pHitText\":\"" + pHit + "\""), pHit + " in " + body);
            for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (var a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || !(a instanceof Inet4Address)) {
                        continue;
                    }
                    try (var s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 2000);
                        throw new AssertionError("funnel serve answered on " + a);
                    } catch (ConnectException refused) {
                        // nothing listens there
                    }
                }
            }
        } finally {
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
    }
}
