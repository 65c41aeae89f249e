package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** {@code backtest --by rep}: each rep's row is the backtest of that rep's own deals, and the least reliable are named. */
@Tag("slow")
class BacktestByRepCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachRepsRowIsTheBacktestOfItsOwnDeals(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> onlyB = new ArrayList<>();
        for (String rep : List.of("a", "b", "c")) {
            Path one = dir.resolve(rep + ".csv");
            assertEquals(0, Cli.run("simulate-history", "scenarios/telesales.json", "--days", "100", "--seed",
                Integer.toString(rep.charAt(0)), "--out", one.toString(), "--set", "pipeline=[]", "--set", "inflow.perDay=2")
                .exitCode());
            List<String> rows = Files.readAllLines(one);
            if (lines.isEmpty()) {
                lines.add(rows.get(0));
                onlyB.add(rows.get(0));
            }
            for (String row : rows.subList(1, rows.size())) {
                String[] c = row.split(",", -1);
                String line = rep + "-" + c[0] + "," + c[1] + "," + c[2] + "," + rep + "," + c[4];
                lines.add(line);
                if (rep.equals("b")) {
                    onlyB.add(line);
                }
            }
        }
        Path team = dir.resolve("team.csv");
        Files.write(team, lines);
        Path b = dir.resolve("b-only.csv");
        Files.write(b, onlyB);
        Cli byRep = Cli.run("backtest", team.toString(), "--by", "rep", "--months", "2", "--trials", "1000", "--json");
        assertEquals(0, byRep.exitCode(), byRep.err());
        JsonNode j = JSON.readTree(byRep.out());
        assertEquals(3, j.get("reps").size());
        JsonNode rowB = j.get("reps").get(1);
        assertEquals("b", rowB.get("rep").asText());
        JsonNode own = JSON.readTree(Cli.run("backtest", b.toString(), "--months", "2", "--trials", "1000", "--json").out());
        for (int i = 0; i < own.get("summary").size(); i++) {
            assertEquals(own.get("summary").get(i).get("meanCrps").asDouble(), rowB.get("summary").get(i).get("meanCrps").asDouble(),
                0, "the same backtest as of the rep's own export");
            assertEquals(own.get("summary").get(i).get("in80").asInt(), rowB.get("summary").get(i).get("in80").asInt());
        }
        assertEquals(1, j.get("leastReliable").size(), "a rep is named: " + j);
        Cli text = Cli.run("backtest", team.toString(), "--by", "rep", "--months", "2", "--trials", "1000");
        assertTrue(text.out().contains("Least reliable: "), text.out());
        assertEquals(2, Cli.run("backtest", team.toString(), "--by", "team").exitCode());
    }
}
