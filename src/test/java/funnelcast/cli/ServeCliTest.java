package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.scenario.ScenarioSource;
import funnelcast.web.Explorer;
import java.nio.file.Path;
import java.util.List;
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
}
