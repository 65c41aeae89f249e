package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void simulateCalibrateForecastRoundTripThroughTheCommandLine(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        Cli sim = Cli.run("simulate-history", "scenarios/telesales.json", "--days", "60", "--seed", "4", "--out",
            history.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        assertTrue(Files.readString(history).startsWith("deal_id,stage,entered_at,rep,value\n"));
        Path scenario = dir.resolve("calibrated.json");
        Cli cal = Cli.run("calibrate", history.toString(), "--as-of", "2027-02-19", "--target", "20", "--out",
            scenario.toString());
        assertEquals(0, cal.exitCode(), cal.err());
        assertTrue(cal.out().contains("Inflow:") && cal.out().contains("== contact"), cal.out());
        Cli forecast = Cli.run("forecast", scenario.toString(), "--uncertainty", "--trials", "2000", "--json");
        assertEquals(0, forecast.exitCode(), forecast.err());
        JsonNode f = JSON.readTree(forecast.out());
        assertTrue(f.get("uncertainty").asText().startsWith("posterior"), f.toString());
        assertEquals(20, f.get("target").asInt());
    }

    @Test
    void calibrateNeverOverwritesWithoutForce(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        Cli.run("simulate-history", "scenarios/telesales.json", "--days", "40", "--out", history.toString());
        Path scenario = dir.resolve("mine.json");
        Files.writeString(scenario, "precious");
        Cli refused = Cli.run("calibrate", history.toString(), "--as-of", "2027-01-22", "--out", scenario.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("exists; pass --force"), refused.err());
        assertEquals("precious", Files.readString(scenario));
        Cli forced = Cli.run("calibrate", history.toString(), "--as-of", "2027-01-22", "--out", scenario.toString(),
            "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(scenario).contains("\"exitCounts\""));
    }

    /** Month effects are written by default, reported with their reasons, left out on request; bad values exit 2. */
    @Test
    void monthEffectsAreOnByDefaultAndCanBeTurnedOff(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        Cli.run("simulate-history", "scenarios/telesales.json", "--days", "90", "--seed", "3", "--out", history.toString());
        Path with = dir.resolve("with.json");
        Cli on = Cli.run("calibrate", history.toString(), "--as-of", "2027-03-31", "--out", with.toString());
        assertEquals(0, on.exitCode(), on.err());
        assertTrue(on.out().contains("Month effects (inflow x"), on.out());
        assertTrue(on.out().contains("conversion: half-life"), "the reasons are given");
        assertTrue(Files.readString(with).contains("\"monthEffects\""));
        Path without = dir.resolve("without.json");
        Cli off = Cli.run("calibrate", history.toString(), "--as-of", "2027-03-31", "--out", without.toString(),
            "--no-month-effects");
        assertEquals(0, off.exitCode(), off.err());
        assertTrue(!Files.readString(without).contains("\"monthEffects\""), "an average month, as before");
        Cli bad = Cli.run("calibrate", history.toString(), "--as-of", "2027-03-31", "--half-life", "-1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--half-life: expected a number of months >= 0 (0 for none), got -1.0"), bad.err());
    }

    @Test
    void opportunityTablesAreReadAsAOneStageFunnel(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("opps.csv");
        StringBuilder csv = new StringBuilder("id,agent,stage,engaged,closed,amount\n");
        csv.append("X0,ann,Prospecting,,,\n");
        for (int i = 1; i <= 60; i++) {
            String engaged = String.format("2026-%02d-%02d", 1 + i % 5, 1 + i % 27);
            String outcome = i % 3 == 0 ? "Lost" : i % 7 == 0 ? "Engaging" : "Won";
            String closed = outcome.equals("Engaging") ? "" : String.format("2026-%02d-%02d", 7 + i % 4, 1 + i % 27);
            csv.append("X").append(i).append(",").append(i % 2 == 0 ? "ann" : "bob").append(",").append(outcome)
                .append(",").append(engaged).append(",").append(closed).append(",")
                .append(outcome.equals("Won") ? "1000" : "0").append("\n");
        }
        Files.writeString(table, csv.toString());
        Cli r = Cli.run("calibrate", table.toString(), "--opportunities", "--columns",
            "id=id,start=engaged,close=closed,outcome=stage,value=amount,rep=agent", "--as-of", "2026-12-31", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("open", j.get("entry").asText());
        assertTrue(j.get("notes").get(0).asText().startsWith("1 rows"), "the undated row is reported: " + j.get("notes"));
        assertEquals(2, j.get("stages").get(0).get("reps").size());

        Files.writeString(table, "id,stage,engaged,closed\nA,Won,2026-01-05,\n");
        Cli bad = Cli.run("calibrate", table.toString(), "--opportunities", "--columns",
            "id=id,start=engaged,close=closed,outcome=stage", "--as-of", "2026-12-31");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("line 2") && bad.err().contains("no close date"), bad.err());
        Cli noColumns = Cli.run("calibrate", table.toString(), "--opportunities", "--as-of", "2026-12-31");
        assertEquals(2, noColumns.exitCode());
        assertTrue(noColumns.err().contains("'id' column is required"), noColumns.err());
    }

    @Test
    void uncertaintyWithTheExactMethodIsRefused() {
        Cli r = Cli.run("forecast", "scenarios/fallbacks-reneging.yaml", "--method", "exact", "--uncertainty");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--uncertainty needs --method monte-carlo"), r.err());
    }
}
