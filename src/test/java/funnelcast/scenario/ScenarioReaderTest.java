package funnelcast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import funnelcast.law.LogNormal;
import funnelcast.model.Scenario;
import funnelcast.model.ScenarioException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every rule of scenario-format.md, each broken by its own test. */
class ScenarioReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
        {
          "name": "Small",
          "calendar": { "start": "2026-03-02", "end": "2026-03-31", "holidays": ["2026-03-20"] },
          "entry": "contact",
          "stages": [
            { "id": "contact", "exits": { "need": 0.5, "lost": 0.5 },
              "dwell": { "dist": "lognormal", "median": 3, "sigma": 0.8 } },
            { "id": "need", "exits": { "price": 0.6, "lost": 0.4 },
              "dwell": { "dist": "exponential", "mean": 2 } },
            { "id": "price", "exitCounts": { "won": 61, "need": 6, "lost": 9 },
              "dwell": { "dist": "gamma", "shape": 2.0, "scale": 1.5 },
              "exitDwell": { "lost": { "dist": "fixed", "value": 8 } } }
          ],
          "inflow": { "perRepPerDay": 1.0, "reps": 5 },
          "pipeline": [
            { "stage": "need", "count": 8, "age": 2 },
            { "id": "ACME-17", "stage": "price", "age": 1, "value": 12000, "rep": "li" }
          ],
          "target": { "wins": 20, "alreadyWon": 3 },
          "dealValue": { "dist": "lognormal", "median": 9000, "sigma": 0.6 }
        }
        """;

    private static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(VALID);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ScenarioException rejected(Consumer<ObjectNode> mutation) {
        ObjectNode root = valid();
        mutation.accept(root);
        return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(root.toString(), "bad.json", false));
    }

    private static void assertRejected(Consumer<ObjectNode> mutation, String path, String expected) {
        ScenarioException e = rejected(mutation);
        assertEquals("bad.json", e.file());
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.detail().contains(expected), "'" + e.detail() + "' should say '" + expected + "'");
        assertTrue(e.getMessage().startsWith("bad.json: " + path), e.getMessage());
    }

    private static ObjectNode stage(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("stages").get(i);
    }

    @Test
    void theValidScenarioReads() {
        Scenario s = ScenarioReader.parse(VALID, "ok.json", false);
        assertEquals(3, s.stages().size());
        assertEquals(5.0, s.inflow().perDay());
        assertEquals(21, s.horizonDays()); // 22 weekdays in March 2026, less the holiday
        assertEquals(9, s.pipelineDeals());
        assertEquals(61.0 / 76, s.stage("price").exits().get(0).probability(), 1e-15);
        assertTrue(s.stage("price").exits().get(2).ownDwell());
        assertEquals(new LogNormal(9000, 0.6), s.dealValue().orElseThrow());
    }

    @Test
    void yamlReadsTheSameKeys() throws Exception {
        String yaml = new YAMLMapper().writeValueAsString(JSON.readTree(VALID));
        assertEquals(ScenarioReader.parse(VALID, "a.json", false), ScenarioReader.parse(yaml, "a.yaml", true));
    }

    @Test
    void probabilitiesThatDoNotSumToOne() {
        assertRejected(r -> ((ObjectNode) stage(r, 0).get("exits")).put("need", 0.45), "stages[0].exits",
            "sum to 1 (within 1e-9)");
    }

    @Test
    void aProbabilityOutsideZeroToOne() {
        assertRejected(r -> ((ObjectNode) stage(r, 0).get("exits")).put("need", 1.4), "stages[0].exits.need",
            "expected a probability in [0, 1], got 1.4");
    }

    @Test
    void anUnknownDestination() {
        assertRejected(r -> {
            ObjectNode exits = (ObjectNode) stage(r, 0).get("exits");
            exits.remove("need");
            exits.put("nead", 0.5);
        }, "stages[0].exits.nead", "unknown destination 'nead'");
    }

    @Test
    void anUnknownKey() {
        assertRejected(r -> r.put("colour", "red"), "colour", "unknown key 'colour'");
    }

    @Test
    void aMisspelledKeyIsNamedWithItsLikelyIntent() {
        assertRejected(r -> {
            ObjectNode s = stage(r, 2);
            s.set("exitcounts", s.remove("exitCounts"));
        }, "stages[2].exitcounts", "did you mean 'exitCounts'?");
        assertRejected(r -> ((ObjectNode) r.get("target")).put("alreadyWonn", 1), "target.alreadyWonn",
            "did you mean 'alreadyWon'?");
    }

    @Test
    void aBadDate() {
        assertRejected(r -> ((ObjectNode) r.get("calendar")).put("start", "2026-13-01"), "calendar.start",
            "expected an ISO date (YYYY-MM-DD), got '2026-13-01'");
        assertRejected(r -> ((ObjectNode) r.get("calendar")).withArray("holidays").add("20.3.2026"),
            "calendar.holidays[1]", "ISO date");
    }

    @Test
    void anEmptyHorizon() {
        assertRejected(r -> ((ObjectNode) r.get("calendar")).put("end", "2026-03-01"), "calendar.end",
            "on or after calendar.start");
        assertRejected(r -> {
            ObjectNode c = (ObjectNode) r.get("calendar");
            c.put("start", "2026-03-07");
            c.put("end", "2026-03-08");
        }, "calendar", "holds no working day");
    }

    @Test
    void aNegativeRate() {
        assertRejected(r -> ((ObjectNode) r.get("inflow")).put("perRepPerDay", -1), "inflow.perRepPerDay",
            "expected a number >= 0, got -1");
        assertRejected(r -> r.putObject("inflow").put("perDay", -0.5), "inflow.perDay", "a number >= 0");
    }

    @Test
    void aNegativeAge() {
        assertRejected(r -> ((ObjectNode) r.withArray("pipeline").get(0)).put("age", -2), "pipeline[0].age",
            "expected a number >= 0, got -2");
    }

    @Test
    void aNegativeOrFractionalCount() {
        assertRejected(r -> ((ObjectNode) r.withArray("pipeline").get(0)).put("count", -3), "pipeline[0].count",
            "a whole number >= 0");
        assertRejected(r -> ((ObjectNode) r.withArray("pipeline").get(0)).put("count", 2.5), "pipeline[0].count",
            "a whole number >= 0");
        assertRejected(r -> ((ObjectNode) stage(r, 2).get("exitCounts")).put("won", -61),
            "stages[2].exitCounts.won", "a number >= 0");
    }

    @Test
    void aNegativeDistributionParameter() {
        assertRejected(r -> ((ObjectNode) stage(r, 0).get("dwell")).put("sigma", -0.8), "stages[0].dwell.sigma",
            "sigma must be a positive finite number, got -0.8");
        assertRejected(r -> ((ObjectNode) stage(r, 1).get("dwell")).put("mean", 0), "stages[1].dwell.mean",
            "mean must be a positive finite number");
        assertRejected(r -> ((ObjectNode) r.get("dealValue")).put("median", -9000), "dealValue.median",
            "positive");
    }

    @Test
    void anUnknownDistribution() {
        assertRejected(r -> ((ObjectNode) stage(r, 1).get("dwell")).put("dist", "poisson"), "stages[1].dwell.dist",
            "one of exponential, lognormal, gamma, weibull, fixed, uniform, empirical");
    }

    @Test
    void aParameterOfAnotherDistribution() {
        assertRejected(r -> ((ObjectNode) stage(r, 1).get("dwell")).put("median", 2), "stages[1].dwell.median",
            "unknown key 'median'");
    }

    @Test
    void aWonOrLostStageCannotBeReached() {
        // need and price only send deals to each other: a closed loop
        assertRejected(r -> {
            ObjectNode need = stage(r, 1).putObject("exits");
            need.put("price", 1.0);
            ObjectNode price = stage(r, 2).putObject("exitCounts");
            price.put("need", 5);
            price.put("won", 0);
            stage(r, 2).remove("exitDwell");
        }, "stages", "need, price only exit into a closed loop");
    }

    @Test
    void aLoopThatCanBeRunInZeroTime() {
        assertRejected(r -> {
            stage(r, 1).putObject("dwell").put("dist", "fixed").put("value", 0);
            ((ObjectNode) r.withArray("pipeline").get(0)).put("stage", "contact");
            stage(r, 2).putObject("exitDwell").putObject("need").put("dist", "empirical").putArray("values")
                .add(0).add(2);
        }, "stages", "need -> price -> need");
    }

    @Test
    void anAgedDealBeyondItsStagesSupport() {
        assertRejected(r -> {
            stage(r, 1).putObject("dwell").put("dist", "uniform").put("min", 1).put("max", 4);
            ((ObjectNode) r.withArray("pipeline").get(0)).put("age", 4);
        }, "pipeline[0].age", "an age below the longest possible dwell at stage 'need' (4.0 working days)");
    }

    @Test
    void anAgedDealSurvivesWhenAnyExitStillCan() {
        // price's own dwell is gamma (unbounded), its lost exit is fixed at 8: age 9 is still possible.
        ObjectNode r = valid();
        ((ObjectNode) r.withArray("pipeline").get(1)).put("age", 9);
        assertEquals(9.0, ScenarioReader.parse(r.toString(), "ok.json", false).pipeline().get(1).age());
    }

    @Test
    void anExitDwellForADestinationThatIsNotAnExit() {
        assertRejected(r -> stage(r, 0).putObject("exitDwell").putObject("price").put("dist", "exponential")
            .put("mean", 2), "stages[0].exitDwell.price", "the destination of one of this stage's exits");
    }

    @Test
    void bothOrNeitherOfExitsAndExitCounts() {
        assertRejected(r -> stage(r, 0).putObject("exitCounts").put("lost", 1), "stages[0]", "got both");
        assertRejected(r -> stage(r, 0).remove("exits"), "stages[0]", "got neither");
    }

    @Test
    void allZeroCounts() {
        assertRejected(r -> {
            ObjectNode c = stage(r, 2).putObject("exitCounts");
            c.put("won", 0);
            c.put("lost", 0);
        }, "stages[2].exitCounts", "at least one positive count");
    }

    @Test
    void badStageIds() {
        assertRejected(r -> stage(r, 1).put("id", "contact"), "stages[1].id", "stages[0].id is 'contact' too");
        assertRejected(r -> stage(r, 1).put("id", "won"), "stages[1].id", "other than won and lost");
        assertRejected(r -> stage(r, 1).put("id", "needs work"), "stages[1].id", "letters, digits");
    }

    @Test
    void anUnknownEntryOrPipelineStage() {
        assertRejected(r -> r.put("entry", "lead"), "entry", "the id of a stage (contact, need, price)");
        assertRejected(r -> ((ObjectNode) r.withArray("pipeline").get(0)).put("stage", "won"), "pipeline[0].stage",
            "the id of an open stage");
    }

    @Test
    void idAndCountTogether() {
        assertRejected(r -> ((ObjectNode) r.withArray("pipeline").get(1)).put("count", 2), "pipeline[1]",
            "either an id (one named deal) or a count");
    }

    @Test
    void duplicatePipelineIds() {
        assertRejected(r -> r.withArray("pipeline").addObject().put("id", "ACME-17").put("stage", "need"),
            "pipeline[2].id", "a unique deal id");
    }

    @Test
    void inflowGivenTwoWays() {
        assertRejected(r -> ((ObjectNode) r.get("inflow")).put("perDay", 4), "inflow", "got both");
        assertRejected(r -> ((ObjectNode) r.get("inflow")).remove("reps"), "inflow.reps", "a number");
    }

    @Test
    void wrongTypes() {
        assertRejected(r -> r.put("stages", "contact"), "stages", "expected a list, got 'contact'");
        assertRejected(r -> ((ObjectNode) r.get("target")).put("wins", "twenty"), "target.wins",
            "expected a number, got 'twenty'");
        assertRejected(r -> ((ArrayNode) r.withArray("pipeline")).add(3), "pipeline[2]", "expected an object");
    }

    @Test
    void weekdaysMustBeNamed() {
        assertRejected(r -> ((ObjectNode) r.get("calendar")).putArray("weekdays").add("MON").add("Tuesday"),
            "calendar.weekdays[1]", "one of MON, TUE");
    }

    @Test
    void malformedJsonNamesTheLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> ScenarioReader.parse("{\n  \"name\": \"x\",\n  \"entry\": \n}", "broken.json", false));
        assertEquals("line 4, column 1", e.path());
        assertTrue(e.detail().startsWith("malformed JSON"), e.detail());
    }

    @Test
    void duplicateKeysAreRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> ScenarioReader.parse("{\"name\": \"a\", \"name\": \"b\"}", "dup.json", false));
        assertTrue(e.detail().contains("duplicate key"), e.detail());
        ScenarioException y = assertThrows(ScenarioException.class,
            () -> ScenarioReader.parse("name: a\nname: b\n", "dup.yaml", true));
        assertTrue(y.detail().contains("duplicate key"), y.detail());
    }

    @Test
    void nanAndInfinityAreRefused() {
        // YAML's parser refuses .nan itself: the message names the line and the value.
        ScenarioException e = rejectedYaml("dealValue: {dist: exponential, mean: .nan}");
        assertEquals("line 5, column 42", e.path());
        assertTrue(e.detail().contains("'.nan'") && e.detail().contains("expected a finite number"), e.detail());
        ScenarioException inf = rejectedYaml("inflow: {perDay: .inf}");
        assertTrue(inf.detail().contains("'.inf'"), inf.detail());
        // JSON's NaN token is read, so the message names the value's path.
        assertRejected(r -> r.put("name", 1), "name", "expected a text, got 1");
        ScenarioException nan = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(
            valid().toString().replace("\"perRepPerDay\":1.0", "\"perRepPerDay\":NaN"), "nan.json", false));
        assertEquals("inflow.perRepPerDay", nan.path());
        assertTrue(nan.detail().contains("expected a finite number, got NaN"), nan.detail());
    }

    private static ScenarioException rejectedYaml(String line) {
        String yaml = """
            calendar: {start: "2026-03-02", end: "2026-03-31"}
            entry: a
            stages:
              - {id: a, exits: {won: 1.0}, dwell: {dist: fixed, value: 1}}
            """ + line + "\n";
        return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(yaml, "x.yaml", true));
    }

    @Test
    void aMissingFileIsNamed() {
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> ScenarioSource.readFile(Path.of("no/such/scenario.json")));
        assertEquals("no/such/scenario.json: no such file", e.getMessage());
    }

    @Test
    void workdaysAddMakeUpDaysAndRefuseDaysAlreadyWorked() {
        String base = """
            { "calendar": { "start": "2027-02-01", "end": "2027-02-28", "holidays": ["2027-02-08", "2027-02-09"],
                            "workdays": [%s] },
              "entry": "a", "stages": [ { "id": "a", "exits": { "won": 1 }, "dwell": { "dist": "exponential", "mean": 1 } } ] }""";
        var s = ScenarioReader.parse(String.format(Locale.ROOT, base, "\"2027-02-20\""), "t.json", false);
        assertEquals(19, s.horizonDays());
        var again = ScenarioReader.parse(ScenarioWriter.json(s), "t.json", false);
        assertEquals(s.calendar(), again.calendar());
        ScenarioException e = Assertions.assertThrows(ScenarioException.class,
            () -> ScenarioReader.parse(String.format(Locale.ROOT, base, "\"2027-02-22\""), "t.json", false));
        assertEquals("t.json: calendar.workdays[0]: expected a make-up working day on a day that is not already worked "
            + "(a monday is one of the weekdays), got '2027-02-22'", e.getMessage());
    }
}
