package funnelcast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import funnelcast.scenario.ScenarioReader;
import funnelcast.scenario.ScenarioSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The scenario edits the planner, the what-ifs and the benchmarks share, in one home. */
class ScenarioEditTest {
    /** Three reps: one ramped, one hired on the 10th (ramping over five days), one with two days off. */
    private static final String TEAM = """
        { "calendar": { "start": "2027-03-01", "end": "2027-03-31" }, "entry": "commit",
          "stages": [ { "id": "commit", "exits": { "won": 0.7, "lost": 0.3 }, "dwell": { "dist": "exponential", "mean": 5 } } ],
          "inflow": { "perRepPerDay": 2, "team": { "rampDays": 5, "reps": [
            { "id": "a" }, { "id": "b", "start": "2027-03-10" }, { "id": "c", "daysOff": ["2027-03-15", "2027-03-16"] } ] } },
          "target": { "wins": 30 } }""";

    /**
     * Another inflow for a team keeps the team: the same reps, hires, ramp and days off, each
     * rep's rate scaled, so the day-by-day shape (a hire ramping, a day off) is kept and only its
     * level moves. It used to give way to a constant rate, dropping the team.
     */
    @Test
    void anotherInflowKeepsTheTeam() {
        Scenario s = ScenarioReader.parse(TEAM, "team.json", false);
        Team team = s.inflow().team();
        assertNotNull(team);
        double[] before = team.daily(s.calendar());
        Scenario doubled = s.withInflow(2 * s.inflow().perDay());
        Team after = doubled.inflow().team();
        assertNotNull(after, "the team is kept");
        assertEquals(team.reps(), after.reps());
        assertEquals(team.rampDays(), after.rampDays());
        assertEquals(2 * team.perRepPerDay(), after.perRepPerDay(), 1e-12);
        assertEquals(2 * s.inflow().perDay(), doubled.inflow().perDay(), 1e-12);
        double[] twice = new double[before.length];
        for (int k = 0; k < before.length; k++) {
            twice[k] = 2 * before[k];
        }
        assertArrayEquals(twice, after.daily(doubled.calendar()), 1e-12);
        assertEquals(s.inflow().reps(), doubled.inflow().reps());
    }

    /** A constant rate stays constant and keeps its head count and its observed history. */
    @Test
    void anotherInflowKeepsTheHeadCountAndHistory() {
        Scenario s = ScenarioSource.readFile(Path.of("scenarios/telesales.json"));
        Scenario edited = s.withInflow(9.5);
        assertEquals(9.5, edited.inflow().perDay());
        assertEquals(s.inflow().reps(), edited.inflow().reps());
        assertEquals(s.inflow().observed(), edited.inflow().observed());
        assertEquals(s.stages(), edited.stages());
        assertEquals(s.pipeline(), edited.pipeline());
    }

    /** Slower dwells at a stage age its deals alike: each stays at the same point of its visit. */
    @Test
    void scaledDwellsScaleTheStagesAges() {
        Scenario s = ScenarioSource.readFile(Path.of("scenarios/telesales.json"));
        int index = 1;
        String id = s.stages().get(index).id();
        Scenario slower = s.withDwellScale(index, 1.5);
        assertEquals(1.5 * s.stages().get(index).dwell().mean(), slower.stages().get(index).dwell().mean(), 1e-9);
        for (int i = 0; i < s.pipeline().size(); i++) {
            PipelineDeal d = s.pipeline().get(i);
            assertEquals(d.stage().equals(id) ? 1.5 * d.age() : d.age(), slower.pipeline().get(i).age(), 1e-12);
        }
        assertEquals(s.stages().get(0), slower.stages().get(0));
    }

    /**
     * Changing one exit: the others keep their proportions to each other (0.3 : 0.1 stays 3 : 1),
     * the sum stays 1, the stage's observed counts are dropped, and an exit that was the stage's
     * only one trades with lost. The month shift follows the same rule: its result is the edit at
     * the shifted probability.
     */
    @Test
    void changingOneExitKeepsTheOthersInProportion() {
        Scenario s = ScenarioReader.parse("""
            { "calendar": { "start": "2027-03-01", "end": "2027-03-31" }, "entry": "a",
              "stages": [ { "id": "a", "exitCounts": { "b": 60, "lost": 30, "won": 10 }, "dwell": { "dist": "exponential", "mean": 5 } },
                          { "id": "b", "exits": { "won": 1 }, "dwell": { "dist": "exponential", "mean": 5 } } ],
              "inflow": { "perDay": 1 } }""", "edit.json", false);
        Stage a = s.withExitProbability(0, 0, 0.8).stages().get(0);
        assertEquals(0.8, a.exits().get(0).probability(), 1e-15);
        assertEquals(0.15, a.exits().get(1).probability(), 1e-15);
        assertEquals(0.05, a.exits().get(2).probability(), 1e-15);
        assertEquals(0, a.exitCounts().size(), "the counts no longer describe the stage");
        Stage b = s.withExitProbability(1, 0, 0.9).stages().get(1);
        assertEquals(2, b.exits().size());
        assertEquals(Exit.LOST, b.exits().get(1).to());
        assertEquals(0.1, b.exits().get(1).probability(), 1e-15);

        double[] shifted = new double[3];
        MonthEffects.shift(new double[] {0.6, 0.3, 0.1}, 0, 0.7, shifted);
        Stage edited = s.withExitProbability(0, 0, shifted[0]).stages().get(0);
        for (int e = 0; e < 3; e++) {
            assertEquals(edited.exits().get(e).probability(), shifted[e], 1e-15, "exit " + e);
        }
    }
}
