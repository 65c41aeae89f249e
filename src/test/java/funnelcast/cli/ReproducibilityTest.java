package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The same seed and trial count give byte-identical output whatever the thread count. */
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

    /**
     * Every command that computes takes --threads, and its output does not depend on it: the
     * planner, sensitivity (both methods), the review and explain split their work on the pool
     * --threads sets. A count below one is refused with the option's name.
     */
    @Test
    void everyCommandThatComputesTakesThreadsAndGivesTheSameBytes() {
        String s = "scenarios/midmonth-team.json";
        String[][] commands = {{"plan", s, "--json"}, {"sensitivity", s, "--json"},
            {"sensitivity", s, "--method", "monte-carlo", "--trials", "3000", "--json"}, {"review", s, "--json"},
            {"explain", s}, {"forecast", s, "--method", "exact", "--json"}};
        for (String[] c : commands) {
            Cli one = Cli.run(Cli.with(c, "--threads", "1"));
            Cli three = Cli.run(Cli.with(c, "--threads", "3"));
            assertEquals(0, one.exitCode(), one.err());
            assertEquals(one.out(), three.out(), String.join(" ", c) + ": 1 and 3 threads");
            Cli none = Cli.run(Cli.with(c, "--threads", "0"));
            assertEquals(2, none.exitCode(), String.join(" ", c));
            assertTrue(none.err().contains("--threads: expected a whole number >= 1, got 0"), none.err());
        }
    }


    @Test
    void anotherSeedGivesAnotherSample() {
        assertNotEquals(json("scenarios/telesales.json", 2, 1), json("scenarios/telesales.json", 2, 2));
    }
}
