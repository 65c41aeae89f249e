package funnelcast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import funnelcast.scenario.ScenarioReader;
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
        Scenario s = ScenarioReader.read(Path.of("scenarios/telesales.json"));
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
        Scenario s = ScenarioReader.read(Path.of("scenarios/telesales.json"));
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
}
