package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The same seed and trial count give byte-identical --json whatever the thread count. */
class ReproducibilityTest {
    private static String json(String scenario, int threads, long seed) {
        Cli r = Cli.run("forecast", scenario, "--trials", "30500", "--seed", Long.toString(seed), "--threads",
            Integer.toString(threads), "--json");
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    @Test
    void oneTwoAndFourThreadsGiveTheSameBytes() {
        for (String scenario : new String[] {"scenarios/telesales.json", "scenarios/midmonth-team.json"}) {
            String one = json(scenario, 1, 12345);
            assertEquals(one, json(scenario, 2, 12345), scenario + ": 2 threads");
            assertEquals(one, json(scenario, 4, 12345), scenario + ": 4 threads");
        }
    }

    @Test
    void anotherSeedGivesAnotherSample() {
        assertNotEquals(json("scenarios/telesales.json", 2, 1), json("scenarios/telesales.json", 2, 2));
    }
}
