package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        // what it assumed, said: how the file was read, the calendar, the deal value fitted
        assertTrue(cal.out().contains("Read as an event log") && cal.out().contains("'won' -> won (")
            && cal.out().contains("Calendar: working days Mon Tue Wed Thu Fri, 0 holidays")
            && cal.out().contains("Deal value: lognormal, median "), cal.out());
        Cli forecast = Cli.run("forecast", scenario.toString(), "--uncertainty", "--trials", "2000", "--json");
        assertEquals(0, forecast.exitCode(), forecast.err());
        JsonNode f = JSON.readTree(forecast.out());
        assertTrue(f.get("uncertainty").asText().startsWith("posterior"), f.toString());
        assertEquals(20, f.get("target").asInt());
    }

    /**
     * Exit counts say what was observed and what was expected: each exit's observed count is the
     * completed visits that took it (together, every completed visit), and the open visits'
     * expected exits stand beside them, labelled, adding up to the count the scenario keeps.
     */
    @Test
    void exitCountsAreObservedWithTheOpenVisitsExpectedExitsBeside(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        assertEquals(0, Cli.run("simulate-history", "scenarios/telesales.json", "--days", "160", "--seed", "2", "--out",
            history.toString()).exitCode());
        Cli cal = Cli.run("calibrate", history.toString(), "--as-of", "2027-06-30", "--json");
        assertEquals(0, cal.exitCode(), cal.err());
        boolean someOpen = false;
        for (JsonNode stage : JSON.readTree(cal.out()).get("stages")) {
            int observed = 0;
            for (JsonNode e : stage.get("exits")) {
                assertTrue(e.get("observed").isInt(), e.toString());
                observed += e.get("observed").asInt();
                assertEquals(e.get("count").asDouble(), e.get("observed").asInt() + e.get("expectedFromOpen").asDouble(), 1e-9);
                someOpen |= e.get("expectedFromOpen").asDouble() > 0;
            }
            assertEquals(stage.get("completedVisits").asInt(), observed, stage.get("id").asText());
        }
        JsonNode assumed = JSON.readTree(cal.out()).get("assumptions");
        assertEquals("event log", assumed.get("read").get("format").asText());
        assertEquals("ISO (yyyy-MM-dd, with a time or not)", assumed.get("read").get("dates").get(0).get("rule").asText());
        assertEquals("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]",
            assumed.get("calendar").get("weekdays").toString());
        assertTrue(assumed.get("dealValue").asText().startsWith("lognormal, median "), assumed.toString());
        assertTrue(someOpen, "on this history (seed 2) two stages choose exit-specific dwells, which share the open visits among the exits");
        Cli text = Cli.run("calibrate", history.toString(), "--as-of", "2027-06-30");
        assertTrue(text.out().contains("observed  + open (exp.)"), text.out());
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
            String engaged = String.format(Locale.ROOT, "2026-%02d-%02d", 1 + i % 5, 1 + i % 27);
            String outcome = i % 3 == 0 ? "Lost" : i % 7 == 0 ? "Engaging" : "Won";
            String closed = outcome.equals("Engaging") ? "" : String.format(Locale.ROOT, "2026-%02d-%02d", 7 + i % 4, 1 + i % 27);
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

    /**
     * Options and the horizon are checked before the history is read: the history here is not even
     * a CSV, so a message about it would mean it was read first. A large history made this a
     * two-minute wait before a refusal.
     */
    @Test
    void everyOptionAndTheHorizonAreCheckedBeforeTheHistoryIsRead(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("not-a-history.csv");
        Files.writeString(garbage, "\"unclosed\n");
        String h = garbage.toString();
        String[][] cases = {
            {"--horizon-start", "2027-08-01", "--horizon-end", "2027-08-01"}, // a Sunday
            {"--horizon-start", "2027-08-10", "--horizon-end", "2027-08-02"},
            {"--half-life", "-1"},
            {"--weekdays", "MON,XYZ"},
            {"--holidays", "christmas"},
            {"--window", "-5"},
            {"--columns", "begin=Create Date"},
            {"--opportunities", "--columns", "id=Id,begin=Create Date"},
            {"--date-format", "yyyy-MM-dd'T"},
            {"--lost-after", "30"},
        };
        String[] expected = {"holds no working day", "is before --horizon-start", "--half-life", "--weekdays", "--holidays",
            "--window", "unknown role 'begin'", "unknown role 'begin'; expected id, start, close", "--date-format",
            "add --opportunities"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[4 + cases[i].length];
            args[0] = "calibrate";
            args[1] = h;
            args[2] = "--as-of";
            args[3] = "2027-07-15";
            System.arraycopy(cases[i], 0, args, 4, cases[i].length);
            Cli r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", cases[i]));
            assertTrue(r.err().contains(expected[i]) && !r.err().contains(h), String.join(" ", cases[i]) + ": " + r.err());
        }
        Cli backtest = Cli.run("backtest", h, "--months", "-1");
        assertEquals(2, backtest.exitCode());
        assertTrue(backtest.err().contains("--months"), backtest.err());
        Cli trials = Cli.run("backtest", h, "--trials", "0");
        assertTrue(trials.exitCode() == 2 && trials.err().contains("trials must lie in"), trials.err());
    }

    /** An as-of date on the last working day of a month (Friday 30 July 2027) forecasts August, and says so. */
    @Test
    void anAsOfDateOnAMonthsLastWorkingDayForecastsTheNextMonth(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        assertEquals(0, Cli.run("simulate-history", "scenarios/telesales.json", "--days", "60", "--seed", "4", "--out",
            history.toString()).exitCode());
        Path scenario = dir.resolve("august.json");
        Cli r = Cli.run("calibrate", history.toString(), "--as-of", "2027-07-30", "--out", scenario.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode horizon = JSON.readTree(r.out()).get("horizon");
        assertEquals("2027-08-01", horizon.get("start").asText());
        assertEquals("2027-08-31", horizon.get("end").asText());
        assertEquals(22, horizon.get("workingDays").asInt());
        assertTrue(horizon.get("why").asText().contains("the rest of July 2027 after the as-of date holds no working day"),
            horizon.toString());
        JsonNode calendar = JSON.readTree(Files.readString(scenario)).get("calendar");
        assertEquals("2027-08-01", calendar.get("start").asText());
        Cli text = Cli.run("calibrate", history.toString(), "--as-of", "2027-07-30");
        assertTrue(text.out().contains("Horizon: 2027-08-01 .. 2027-08-31, 22 working days (the rest of July 2027"),
            text.out());
        // a Saturday worked to make up for a holiday counts, and the scenario's calendar keeps it
        Path madeUp = dir.resolve("made-up.json");
        Cli worked = Cli.run("calibrate", history.toString(), "--as-of", "2027-07-30", "--holidays", "2027-08-02",
            "--workdays", "2027-08-07", "--out", madeUp.toString(), "--json");
        assertEquals(0, worked.exitCode(), worked.err());
        assertEquals(22, JSON.readTree(worked.out()).get("horizon").get("workingDays").asInt(), "one off, one made up");
        JsonNode madeUpCalendar = JSON.readTree(Files.readString(madeUp)).get("calendar");
        assertEquals("[\"2027-08-07\"]", madeUpCalendar.get("workdays").toString());
        assertEquals("[\"2027-08-02\"]", madeUpCalendar.get("holidays").toString());
    }

    /**
     * Segments: --where keeps the rows of one region (with a note of how many), and --by calibrates
     * one scenario per region into a folder with a summary, each the same as --where of that
     * region alone; a region whose deals never closed keeps its line with why.
     */
    @Test
    void whereKeepsASegmentAndByCalibratesEach(@TempDir Path dir) throws Exception {
        List<String> lines = simulatedLog(dir, 80, 5);
        StringBuilder b = new StringBuilder(lines.get(0) + ",region\n");
        for (String l : lines.subList(1, lines.size())) {
            String id = l.substring(0, l.indexOf(','));
            b.append(l).append(',').append(Math.floorMod(id.hashCode(), 2) == 0 ? "East" : "West").append('\n');
        }
        b.append("Z1,contact,2027-03-10T10:00,,,North\n");
        Path history = dir.resolve("regions.csv");
        Files.writeString(history, b.toString());
        String[] read = {"--columns", "deal_id=deal_id,stage=stage,entered_at=entered_at,rep=rep,value=value",
            "--as-of", "2027-03-05"};
        Cli east = Cli.run(Cli.with(Cli.with(new String[] {"calibrate", history.toString()}, read), "--where", "region=East",
            "--out", dir.resolve("east.json").toString()));
        assertEquals(0, east.exitCode(), east.err());
        assertTrue(east.out().contains("note: --where {region=[East]} kept "), east.out());
        Path folder = dir.resolve("regions");
        Cli by = Cli.run(Cli.with(Cli.with(new String[] {"calibrate", history.toString()}, read), "--by", "region", "--out",
            folder.toString()));
        assertEquals(0, by.exitCode(), by.err());
        assertTrue(by.out().contains("Calibrated regions.csv by region as of 2027-03-05: 3 values."), by.out());
        assertTrue(by.out().lines().anyMatch(l -> l.startsWith("North") && l.contains("not calibrated:")), by.out());
        assertEquals(Files.readString(dir.resolve("east.json")).replace("as of", "").replaceAll("\"name\" : \"[^\"]*\"", ""),
            Files.readString(folder.resolve("east.json")).replace("as of", "").replaceAll("\"name\" : \"[^\"]*\"", ""),
            "--by's East is --where's East");
        assertTrue(Files.exists(folder.resolve("west.json")) && !Files.exists(folder.resolve("north.json")));
        Cli noFolder = Cli.run(Cli.with(Cli.with(new String[] {"calibrate", history.toString()}, read), "--by", "region"));
        assertEquals(2, noFolder.exitCode());
        assertTrue(noFolder.err().contains("--by writes one scenario per value: give --out DIR"), noFolder.err());
    }

    /**
     * A --by or --where column needs no role: the header deal_id,stage,entered_at,rep,value,region
     * reads without --columns under --by region, one parse for every value, where without it the
     * region column is refused as unknown.
     */
    @Test
    void theByColumnNeedsNoRole(@TempDir Path dir) throws Exception {
        List<String> lines = simulatedLog(dir, 80, 5);
        StringBuilder b = new StringBuilder(lines.get(0) + ",region\n");
        for (String l : lines.subList(1, lines.size())) {
            b.append(l).append(',').append(Math.floorMod(l.substring(0, l.indexOf(',')).hashCode(), 2) == 0 ? "East" : "West")
                .append('\n');
        }
        Path history = dir.resolve("regions.csv");
        Files.writeString(history, b.toString());
        Cli by = Cli.run("calibrate", history.toString(), "--as-of", "2027-03-05", "--by", "region", "--out",
            dir.resolve("regions").toString());
        assertEquals(0, by.exitCode(), by.err());
        assertTrue(Files.exists(dir.resolve("regions/east.json")) && Files.exists(dir.resolve("regions/west.json")), by.out());
        assertEquals(0, Cli.run("calibrate", history.toString(), "--as-of", "2027-03-05", "--where", "region=East").exitCode());
        Cli plain = Cli.run("calibrate", history.toString(), "--as-of", "2027-03-05");
        assertEquals(2, plain.exitCode());
        assertTrue(plain.err().contains("unknown column 'region'"), plain.err());
    }

    /**
     * A month forecast mid-month: with the horizon's start on or before the as-of date, the
     * scenario runs from the day after it, and the month's wins so far are already won (before,
     * the days already past were forecast again on top of them). A horizon over by the as-of date
     * is refused.
     */
    @Test
    void aMonthForecastMidMonthStartsAfterTheAsOfDate(@TempDir Path dir) throws Exception {
        List<String> lines = simulatedLog(dir, 80, 5);
        long wonSoFar = lines.stream().filter(l -> l.contains(",won,") && l.split(",")[2].compareTo("2027-01-01") >= 0
            && l.split(",")[2].compareTo("2027-01-14") < 0).count();
        Path history = dir.resolve("sim.csv");
        Path out = dir.resolve("january.json");
        Cli mid = Cli.run("calibrate", history.toString(), "--as-of", "2027-01-13", "--horizon-start", "2027-01-01",
            "--horizon-end", "2027-01-31", "--target", "20", "--out", out.toString());
        assertEquals(0, mid.exitCode(), mid.err());
        JsonNode s = JSON.readTree(Files.readString(out));
        assertEquals("2027-01-14", s.get("calendar").get("start").asText());
        assertEquals(wonSoFar, s.get("target").get("alreadyWon").asLong());
        assertTrue(wonSoFar > 0, "the month has wins before the as-of date");
        Cli over = Cli.run("calibrate", history.toString(), "--as-of", "2027-01-31", "--horizon-start", "2027-01-01",
            "--horizon-end", "2027-01-31");
        assertEquals(2, over.exitCode());
        assertTrue(over.err().contains("ends by the as-of date 2027-01-31: nothing is left to forecast"), over.err());
    }

    /**
     * A deal's name (the name role) travels from the export through calibration into the
     * scenario's pipeline, and review shows it beside the 15-digit id, in a column as wide as the
     * longest name.
     */
    @Test
    void aDealsNameReachesTheReview(@TempDir Path dir) throws Exception {
        List<String> lines = simulatedLog(dir, 60, 6);
        StringBuilder b = new StringBuilder("Opportunity ID,Stage,Date,Opportunity Name\n");
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            b.append("0060000000").append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append(",Renewal of ")
                .append(c[0]).append('\n');
        }
        Path history = dir.resolve("named.csv");
        Files.writeString(history, b.toString());
        Path scenario = dir.resolve("named.json");
        Cli cal = Cli.run("calibrate", history.toString(), "--as-of", "2027-02-10", "--columns",
            "deal_id=Opportunity ID,stage=Stage,entered_at=Date,name=Opportunity Name", "--out", scenario.toString());
        assertEquals(0, cal.exitCode(), cal.err());
        assertTrue(Files.readString(scenario).contains("\"name\" : \"Renewal of "), "the pipeline keeps the names");
        Cli review = Cli.run("review", scenario.toString());
        assertEquals(0, review.exitCode(), review.err());
        String header = review.out().lines().filter(l -> l.contains("P(win now)")).findFirst().orElseThrow();
        String deal = review.out().lines().filter(l -> l.contains("Renewal of ")).findFirst().orElseThrow();
        assertTrue(header.trim().startsWith("deal") && header.contains(" name "), header);
        assertEquals(header.indexOf(" name ") + 1, deal.indexOf("Renewal of "), review.out());
        JsonNode j = JSON.readTree(Cli.run("review", scenario.toString(), "--json").out());
        assertTrue(j.toString().contains("\"name\":\"Renewal of "), j.toString());
    }

    /** The lines of a telesales history simulated over {@code days} working days from {@code seed}, header first. */
    private static List<String> simulatedLog(Path dir, int days, long seed) throws Exception {
        Path sim = dir.resolve("sim.csv");
        assertEquals(0, Cli.run("simulate-history", "scenarios/telesales.json", "--days", Integer.toString(days), "--seed",
            Long.toString(seed), "--out", sim.toString()).exitCode());
        return Files.readAllLines(sim);
    }
}
