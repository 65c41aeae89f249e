package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code funnel reps} on team histories simulated with a known truth: four reps on the telesales
 * funnel at two new deals a day each for 90 working days, each rep's history its own simulation
 * (its own seed), written into one export with the rep's name. In the first team one rep's need
 * stage advances 0.35 of its visits to evaluate where the others advance 0.6; in the second all
 * four are alike. Tagged slow: each test simulates and calibrates a team.
 */
@Tag("slow")
class RepsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REPS = List.of("chen", "li", "wang", "zhao");
    private static final String AS_OF = "2027-03-19";

    /** One export of five reps' simulated histories; {@code weak}'s need stage advances 0.35 (null: all alike). */
    static Path team(Path dir, String weak, long seed) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < REPS.size(); r++) {
            String rep = REPS.get(r);
            Path one = dir.resolve(rep + ".csv");
            List<String> args = new ArrayList<>(List.of("simulate-history", "scenarios/telesales.json", "--days", "90",
                "--seed", Long.toString(seed + r), "--out", one.toString(), "--set", "pipeline=[]", "--set", "inflow.perDay=2"));
            if (rep.equals(weak)) {
                args.addAll(List.of("--set", "stages.need.exits.evaluate=0.35"));
            }
            Cli sim = Cli.run(args.toArray(String[]::new));
            assertEquals(0, sim.exitCode(), sim.err());
            List<String> rows = Files.readAllLines(one);
            if (lines.isEmpty()) {
                lines.add(rows.get(0));
            }
            for (String row : rows.subList(1, rows.size())) {
                String[] c = row.split(",", -1); // deal_id,stage,entered_at,rep,value
                lines.add(rep + "-" + c[0] + "," + c[1] + "," + c[2] + "," + rep + "," + c[4]);
            }
        }
        Path file = dir.resolve("team.csv");
        Files.write(file, lines);
        return file;
    }

    /** The bar: the weak rep is flagged at need, with need's skills, and no one else anywhere. */
    @Test
    void theWeakRepIsFlaggedAtTheWeakStageWithItsSkills(@TempDir Path dir) throws Exception {
        Path file = team(dir, "wang", 100);
        // one run: the table on standard output, the JSON into --out
        Cli text = Cli.run("reps", file.toString(), "--as-of", AS_OF, "--skills", "scenarios/telesales.json", "--quota", "4",
            "--out", dir.resolve("out").toString());
        assertEquals(0, text.exitCode(), text.err());
        JsonNode j = JSON.readTree(dir.resolve("out").resolve("reps.json").toFile());
        JsonNode flags = j.get("flags");
        assertEquals(1, flags.size(), flags.toString());
        assertEquals("wang", flags.get(0).get("rep").asText());
        JsonNode at = flags.get(0).get("at");
        assertEquals("need", at.get("stage").asText());
        assertEquals("evaluate", at.get("advanceTo").asText());
        assertTrue(at.get("pBelowTeam").asDouble() >= 0.9 && at.get("winsCostPerMonth").asDouble() >= 1, at.toString());
        assertTrue(at.get("skills").toString().contains("Probing questions"), at.get("skills").toString());
        // shrunk toward the team, the weak rep's rate lies between its truth and the team's
        assertTrue(at.get("advance").asDouble() > 0.35 - 0.05 && at.get("advance").asDouble() < at.get("teamAdvance").asDouble(),
            at.toString());
        for (JsonNode rep : j.get("reps")) {
            assertTrue(rep.get("pHitQuota").asDouble() > 0 && rep.get("pHitQuota").asDouble() < 1, rep.toString());
            assertTrue(rep.get("inflowLower").asDouble() < 2 && 2 < rep.get("inflowUpper").asDouble() + 0.3, rep.toString());
        }
        String gaps = Files.readString(dir.resolve("out").resolve("rep-gaps.svg"));
        assertTrue(gaps.contains("wang") && gaps.contains("need → evaluate") && gaps.contains("*"), "the heat map marks the flag");
        assertTrue(Files.exists(dir.resolve("out").resolve("rep-phit.png")), "each rep's P(hit) of the quota");
        assertTrue(text.out().contains("wang at need:") && text.out().contains("Coach: 激发式的询问技巧 / Stimulating questions"),
            text.out());
    }

    /** A team whose reps are all alike flags no one: the shrinkage keeps 20 comparisons from crying wolf. */
    @Test
    void aTeamOfAlikeRepsFlagsNoOne(@TempDir Path dir) throws Exception {
        Path file = team(dir, null, 200);
        Cli text = Cli.run("reps", file.toString(), "--as-of", AS_OF, "--out", dir.resolve("out").toString());
        assertEquals(0, text.exitCode(), text.err());
        JsonNode j = JSON.readTree(dir.resolve("out").resolve("reps.json").toFile());
        assertEquals(0, j.get("flags").size(), j.get("flags").toString());
        assertEquals(4, j.get("reps").size());
        assertTrue(text.out().contains("No rep is flagged"), text.out());
    }

    /** A history without reps is refused with what to give. */
    @Test
    void aHistoryWithoutRepsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.csv");
        assertEquals(0, Cli.run("simulate-history", "scenarios/telesales.json", "--days", "40", "--set", "pipeline=[]",
            "--out", file.toString()).exitCode());
        Cli r = Cli.run("reps", file.toString(), "--as-of", "2027-01-20");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no deal names a rep"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
