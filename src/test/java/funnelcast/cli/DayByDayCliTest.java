package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import funnelcast.Parallelism;
import funnelcast.scenario.ScenarioSource;
import funnelcast.store.Store;
import funnelcast.web.Explorer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Day by day (docs/day-by-day.md): snapshot backfills a month into the store, pace reads it back;
 * counted against the CSV itself, recorded twice, killed midway, written by two processes at
 * once, in SQLite and, where CI starts one ({@code FUNNELCAST_TEST_POSTGRES}), PostgreSQL.
 */
@Tag("slow")
class DayByDayCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A PostgreSQL database for the store's tests: .ci/run starts Debian's server and sets this. */
    static final String POSTGRES = System.getenv("FUNNELCAST_TEST_POSTGRES");
    private static final String[] READ = {"--target", "20", "--no-month-effects"};
    private static Path dir;
    private static Path history;
    private static List<String[]> rows;
    /** January 2027 backfilled once into SQLite: the fixture the tests read and compare with. */
    private static String month;

    @BeforeAll
    static void simulate(@TempDir Path tmp) throws Exception {
        dir = tmp;
        history = tmp.resolve("sim.csv");
        Cli sim = Cli.run("simulate-history", "scenarios/telesales.json", "--days", "60", "--seed", "3", "--out",
            history.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(history).subList(1, Files.readAllLines(history).size())) {
            rows.add(line.split(",", -1));
        }
        month = tmp.resolve("month.db").toString();
        Cli backfill = snapshot(month, "--from", "2027-01-01", "--to", "2027-01-31");
        assertEquals(0, backfill.exitCode(), backfill.err());
        assertTrue(backfill.out().startsWith("Recorded 21 days into"), backfill.out());
    }

    private static Cli snapshot(String db, String... more) {
        return Cli.run(Cli.with(Cli.with(new String[] {"snapshot", history.toString(), "--db", db}, READ), more));
    }

    /** Each day's new deals (deals whose first row falls on it) and wins (rows entering won), counted from the CSV. */
    private static Map<LocalDate, int[]> countedFromTheCsv() {
        Map<String, LocalDate> firstDay = new HashMap<>();
        Map<LocalDate, int[]> counts = new TreeMap<>();
        for (String[] r : rows) {
            LocalDate day = LocalDate.parse(r[2].substring(0, 10));
            firstDay.merge(r[0], day, (a, b) -> a.isBefore(b) ? a : b);
            if (r[1].equals("won")) {
                counts.computeIfAbsent(day, k -> new int[2])[1]++;
            }
        }
        for (LocalDate d : firstDay.values()) {
            counts.computeIfAbsent(d, k -> new int[2])[0]++;
        }
        return counts;
    }

    /** A month backfilled: pace --json gives each day's new deals and wins as the CSV counts them. */
    @Test
    void aBackfilledMonthCountsWhatTheCsvSays() throws Exception {
        checkPace(month, 21);
    }

    /** The month's last week on PostgreSQL: its rows are SQLite's, and pace reads them the same. */
    @Test
    void aBackfilledWeekOnPostgresHoldsSqlitesRows() throws Exception {
        String db = freshPostgres();
        Cli backfill = snapshot(db, "--from", "2027-01-25", "--to", "2027-01-31");
        assertEquals(0, backfill.exitCode(), backfill.err());
        assertEquals(dump("jdbc:sqlite:" + month, "2027-01-25", "2027-01-31"), dump(db, "2027-01-25", "2027-01-31"));
        checkPace(db, 5);
        assertEquals(0, snapshot(db, "--as-of", "2027-01-27").exitCode(), "a day recorded again");
        assertEquals(dump("jdbc:sqlite:" + month, "2027-01-25", "2027-01-31"), dump(db, "2027-01-25", "2027-01-31"));
    }

    private static void checkPace(String db, int recorded) throws Exception {
        Cli pace = Cli.run("pace", "--db", db, "--json");
        assertEquals(0, pace.exitCode(), pace.err());
        JsonNode days = JSON.readTree(pace.out()).get("days");
        assertEquals(recorded, days.size());
        Map<LocalDate, int[]> csv = countedFromTheCsv();
        int newInMonth = 0;
        int winsInMonth = 0;
        for (Map.Entry<LocalDate, int[]> e : csv.entrySet()) { // the month's days before the first recorded one
            if (e.getKey().getMonthValue() == 1 && e.getKey().getYear() == 2027
                && e.getKey().isBefore(LocalDate.parse(days.get(0).get("date").asText()))) {
                newInMonth += e.getValue()[0];
                winsInMonth += e.getValue()[1];
            }
        }
        for (JsonNode d : days) {
            LocalDate day = LocalDate.parse(d.get("date").asText());
            int[] expected = csv.getOrDefault(day, new int[2]);
            assertEquals(expected[0], d.get("newDeals").asInt(), day + " new deals");
            assertEquals(expected[1], d.get("wins").asInt(), day + " wins");
            newInMonth += expected[0];
            winsInMonth += expected[1];
            assertEquals(newInMonth, d.get("cumulativeNewDeals").asInt(), day + " new deals so far");
            assertEquals(winsInMonth, d.get("cumulativeWins").asInt(), day + " wins so far");
        }
        JsonNode last = days.get(days.size() - 1);
        assertEquals(0, last.get("daysLeft").asInt());
        assertEquals(winsInMonth >= 20 ? 1.0 : 0.0, last.get("pHitTarget").asDouble(), "the month's last day knows its wins");
        Cli text = Cli.run("pace", "--db", db, "--month", "2027-01", "--out", dir.resolve("charts-" + Math.abs(db.hashCode())).toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Plan of record (as of " + days.get(0).get("date").asText() + ")"), text.out());
        long contact = rows.stream().filter(r -> r[1].equals("contact") && r[2].startsWith("2027-01")
            && r[2].compareTo(days.get(0).get("date").asText()) >= 0).count();
        assertTrue(text.out().contains("Milestones entered on the " + recorded + " recorded days: contact " + contact + " (plan "),
            text.out());
        assertTrue(text.out().contains("pace-trend.png") && text.out().contains("pace-wins.svg")
            && text.out().contains("pace-moved.png"), text.out());
    }

    /**
     * January is closed (its last working day recorded): each day's forecast is scored against
     * the month's wins as the CSV counts them, its CRPS checked against the sum over k of
     * (F(k) - 1{k >= actual})^2 of the pmf the store holds; and what moved from the first to the
     * last recorded day adds up (open + new - won - lost = open), its new deals and wins counted
     * from the CSV.
     */
    @Test
    void aClosedMonthIsScoredAndWhatMovedAddsUp() throws Exception {
        Cli pace = Cli.run("pace", "--db", month, "--json");
        assertEquals(0, pace.exitCode(), pace.err());
        JsonNode p = JSON.readTree(pace.out());
        int actual = 0;
        int newAfterFirst = 0;
        int wonAfterFirst = 0;
        for (Map.Entry<LocalDate, int[]> e : countedFromTheCsv().entrySet()) {
            if (e.getKey().getYear() == 2027 && e.getKey().getMonthValue() == 1) {
                actual += e.getValue()[1];
                if (e.getKey().isAfter(LocalDate.parse("2027-01-01"))) {
                    newAfterFirst += e.getValue()[0];
                    wonAfterFirst += e.getValue()[1];
                }
            }
        }
        JsonNode accuracy = p.get("accuracy");
        assertEquals(actual, accuracy.get("actualWins").asInt());
        assertEquals(20, accuracy.get("scored").asInt(), "every recorded day but the last, whose wins are known");
        Map<String, double[]> pmfs = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + month); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT as_of, pmf FROM snapshot_day WHERE scope = 'team'")) {
            while (r.next()) {
                String[] cells = r.getString(2).split(",");
                double[] pmf = new double[cells.length];
                for (int k = 0; k < cells.length; k++) {
                    pmf[k] = Double.parseDouble(cells[k]);
                }
                pmfs.put(r.getString(1), pmf);
            }
        }
        int in80 = 0;
        for (JsonNode d : accuracy.get("days")) {
            double[] pmf = pmfs.get(d.get("date").asText());
            double f = 0;
            double crps = 0;
            for (int k = 0; k < Math.max(pmf.length, actual + 1); k++) {
                f += k < pmf.length ? pmf[k] : 0;
                crps += Math.pow(Math.min(1, f) - (k >= actual ? 1 : 0), 2);
            }
            assertEquals(crps, d.get("crps").asDouble(), 1e-9, d.get("date").asText());
            boolean inside = d.get("p10").asInt() <= actual && actual <= d.get("p90").asInt();
            assertEquals(inside, d.get("in80").asBoolean());
            in80 += inside ? 1 : 0;
        }
        assertEquals(in80 / 20.0, accuracy.get("coverage80").asDouble(), 1e-12);
        JsonNode moved = p.get("moved");
        assertEquals("2027-01-01", moved.get("from").asText());
        assertEquals("2027-01-29", moved.get("to").asText());
        int open = moved.get("start").get("count").asInt() + moved.get("added").get("count").asInt()
            - moved.get("won").get("count").asInt() - moved.get("lost").get("count").asInt() - moved.get("left").get("count").asInt();
        assertEquals(moved.get("end").get("count").asInt(), open, "the waterfall adds up");
        assertEquals(0, moved.get("left").get("count").asInt(), "every day recorded: every close has its event");
        assertEquals(newAfterFirst, moved.get("added").get("count").asInt());
        assertEquals(wonAfterFirst, moved.get("won").get("count").asInt());
        assertEquals(moved.get("won").get("count").asInt(), moved.get("won").get("deals").size());
        // slipped: the deals January 1st's plan gave at least 50% by the month's end, still open on its last day
        assertTrue(moved.get("periodOver").asBoolean());
        List<String> slipped = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + month); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT a.deal FROM snapshot_deal a JOIN snapshot_deal b ON a.deal = b.deal AND "
                 + "a.scope = b.scope WHERE a.scope = 'team' AND a.as_of = '2027-01-01' AND b.as_of = '2027-01-29' AND "
                 + "a.p_win_month >= 0.5 ORDER BY a.deal")) {
            while (r.next()) {
                slipped.add(r.getString(1));
            }
        }
        List<String> reported = new ArrayList<>();
        moved.get("slipped").get("deals").forEach(d -> reported.add(d.asText()));
        assertEquals(slipped, reported);
        Cli text = Cli.run("pace", "--db", month, "--from", "2027-01-11", "--to", "2027-01-15");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("What moved from 2027-01-11 to 2027-01-15"), text.out());
        assertTrue(text.out().contains("slipped: none yet (0: the 2027-01-11 month is not over"), text.out());
        assertTrue(text.out().contains("The month is closed with " + actual + " wins."), text.out());
        Cli notRecorded = Cli.run("pace", "--db", month, "--from", "2027-01-09");
        assertEquals(2, notRecorded.exitCode());
        assertTrue(notRecorded.err().contains("2027-01-09: not a recorded day"), notRecorded.err());
    }

    /**
     * The explorer's pace page reads the same store: {@code /api/pace} answers what {@code pace
     * --json} prints, with its charts; a bad month is refused with the field it names.
     */
    @Test
    void theExplorerServesThePaceFromTheStore() throws Exception {
        try (Explorer explorer = Explorer.start(List.of(ScenarioSource.load(Path.of("scenarios/telesales.json"))), "127.0.0.1", 0,
            Parallelism.of(2), Optional.of(Store.open(month)))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + explorer.port();
            HttpResponse<String> pace = http.send(HttpRequest.newBuilder(URI.create(base + "/api/pace?month=2027-01")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, pace.statusCode(), pace.body());
            assertEquals(JSON.readTree(Cli.run("pace", "--db", month, "--json").out()), JSON.readTree(pace.body()));
            HttpResponse<String> charts = http.send(HttpRequest.newBuilder(URI.create(base + "/api/pace/charts")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, charts.statusCode(), charts.body());
            JsonNode c = JSON.readTree(charts.body());
            for (String name : List.of("trend", "wins", "moved", "accuracy")) {
                assertTrue(c.get(name).asText().startsWith("<svg"), name);
            }
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/api/pace?month=2027-13")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertEquals("month", JSON.readTree(bad.body()).get("field").asText());
            assertTrue(JSON.readTree(bad.body()).get("error").asText().contains("expected YYYY-MM"), bad.body());
        }
    }

    /**
     * With --by rep each rep's day is recorded beside the team's, in the same transaction, and
     * pace --rep reads one rep's month: its new deals counted from the rep's own rows of the CSV.
     */
    @Test
    void eachRepsDayIsRecordedBesideTheTeams() throws Exception {
        StringBuilder b = new StringBuilder("deal_id,stage,entered_at,rep,value\n");
        Map<String, String> repOf = new HashMap<>();
        for (String[] r : rows) {
            String rep = Math.floorMod(r[0].hashCode(), 2) == 0 ? "Ann" : "Bo";
            repOf.put(r[0], rep);
            b.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',').append(rep).append(',').append(r[4])
                .append('\n');
        }
        Path reps = dir.resolve("reps.csv");
        Files.writeString(reps, b.toString());
        String db = dir.resolve("reps.db").toString();
        Cli day = Cli.run(Cli.with(Cli.with(new String[] {"snapshot", reps.toString(), "--db", db}, READ), "--as-of", "2027-01-13",
            "--by", "rep"));
        assertEquals(0, day.exitCode(), day.err());
        assertTrue(day.out().contains("(the team and 2 reps)"), day.out());
        Cli ann = Cli.run("pace", "--db", db, "--rep", "Ann", "--json");
        assertEquals(0, ann.exitCode(), ann.err());
        Map<String, LocalDate> firstDay = new HashMap<>();
        for (String[] r : rows) {
            firstDay.merge(r[0], LocalDate.parse(r[2].substring(0, 10)), (x, y) -> x.isBefore(y) ? x : y);
        }
        long annNew = firstDay.entrySet().stream().filter(e -> repOf.get(e.getKey()).equals("Ann")
            && e.getValue().equals(LocalDate.parse("2027-01-13"))).count();
        assertEquals(annNew, JSON.readTree(ann.out()).get("days").get(0).get("newDeals").asLong());
        Cli nobody = Cli.run("pace", "--db", db, "--rep", "Cy");
        assertEquals(2, nobody.exitCode());
        assertTrue(nobody.err().contains("nothing is recorded for rep Cy; recorded: rep:Ann, rep:Bo, team"), nobody.err());
    }

    /** Recording a day again leaves the rows recording it once left. */
    @Test
    void recordingADayTwiceLeavesTheSameRows() throws Exception {
        String once = dump("jdbc:sqlite:" + month, "2027-01-01", "2027-01-31");
        Cli again = snapshot(month, "--as-of", "2027-01-13");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("Recorded 1 day into"), again.out());
        assertEquals(once, dump("jdbc:sqlite:" + month, "2027-01-01", "2027-01-31"));
        assertTrue(once.contains("2027-01-13|team|0|"), "the day's events are recorded");
    }

    /**
     * A backfill killed midway leaves only whole days (each with its stages and all its events),
     * and the next run goes on from there to the rows of a run never interrupted.
     */
    @Test
    void aKilledBackfillLeavesWholeDaysAndGoesOn() throws Exception {
        String killed = dir.resolve("killed.db").toString();
        String[] range = {"--from", "2027-01-04", "--to", "2027-01-12"};
        Process p = process(Cli.with(Cli.with(new String[] {"snapshot", history.toString(), "--db", killed, "--threads", "1"},
            READ), range));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (days("jdbc:sqlite:" + killed) < 2 && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the backfill ended before it could be killed");
        p.destroyForcibly().waitFor();
        int recorded = days("jdbc:sqlite:" + killed);
        assertTrue(recorded >= 2 && recorded < 7, recorded + " days recorded when killed");
        Map<LocalDate, int[]> csv = countedFromTheCsv();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + killed); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT d.as_of, d.new_deals, (SELECT COUNT(*) FROM snapshot_stage t WHERE "
                 + "t.as_of = d.as_of), (SELECT COUNT(*) FROM snapshot_event e WHERE e.as_of = d.as_of) FROM snapshot_day d")) {
            while (r.next()) {
                LocalDate day = LocalDate.parse(r.getString(1));
                assertEquals(csv.getOrDefault(day, new int[2])[0], r.getInt(2), day + " new deals");
                assertTrue(r.getInt(3) >= 5, day + " has its stages");
                assertEquals(rows.stream().filter(x -> x[2].startsWith(day.toString())).count(), r.getLong(4), day + " events");
            }
        }
        Cli resumed = snapshot(killed, range);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains(recorded + " already recorded, left as they were"), resumed.out());
        // the rows of the uninterrupted month's backfill, day for day
        assertEquals(dump("jdbc:sqlite:" + month, "2027-01-04", "2027-01-12"), dump("jdbc:sqlite:" + killed, "2027-01-04",
            "2027-01-12"));
    }

    /** Two processes recording into one new SQLite file at once both succeed (WAL, a busy timeout). */
    @Test
    void twoProcessesRecordIntoOneFileAtOnce() throws Exception {
        String db = dir.resolve("shared.db").toString();
        Process a = process(Cli.with(Cli.with(new String[] {"snapshot", history.toString(), "--db", db}, READ),
            "--as-of", "2027-01-08"));
        Process b = process(Cli.with(Cli.with(new String[] {"snapshot", history.toString(), "--db", db}, READ),
            "--as-of", "2027-01-11"));
        assertEquals(0, b.waitFor(), new String(b.getInputStream().readAllBytes()));
        assertEquals(0, a.waitFor(), new String(a.getInputStream().readAllBytes()));
        assertEquals(2, days("jdbc:sqlite:" + db));
    }

    /** A database written by a newer funnelcast is refused with what to do; an unreachable server is one line, exit 1. */
    @Test
    void aNewerSchemaAndAnUnreachableServerAreRefused() throws Exception {
        String db = dir.resolve("newer.db").toString();
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null)
            .locations("classpath:funnelcast/store/migration", "classpath:funnelcast/store/future").load().migrate();
        Cli newer = Cli.run("pace", "--db", db);
        assertEquals(1, newer.exitCode());
        assertTrue(newer.err().contains("was written by a newer funnelcast (its schema is at version 99; this one knows up "
            + "to 1): use that funnelcast or a newer one"), newer.err());
        Cli away = Cli.run("pace", "--db", "jdbc:postgresql://127.0.0.1:1/funnel?user=u&password=secret");
        assertEquals(1, away.exitCode());
        assertEquals(1, away.err().lines().count(), away.err());
        assertTrue(away.err().startsWith("funnel: cannot open the database jdbc:postgresql://127.0.0.1:1/funnel?user=u&password=***:"),
            away.err());
        assertFalse(away.err().contains("secret"));
        Cli empty = Cli.run("pace", "--db", dir.resolve("empty.db").toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("nothing is recorded for the team; record days with funnel snapshot"), empty.err());
        Path none = dir.resolve("none.db");
        Cli unread = Cli.run("snapshot", history.toString(), "--db", none.toString(), "--as-of", "2027-01-04", "--columns",
            "deal_id=deal_id,stage=nope,entered_at=entered_at");
        assertEquals(2, unread.exitCode());
        assertTrue(unread.err().contains("no column 'nope' for stage"), unread.err());
        assertFalse(Files.exists(none), "an export that cannot be read leaves no database behind");
        Cli both = Cli.run("snapshot", history.toString(), "--db", db, "--as-of", "2027-01-04", "--from", "2027-01-04");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("give one or the other"), both.err());
    }

    private static Process process(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            "funnelcast.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int days(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM snapshot_day")) {
            return r.getInt(1);
        } catch (SQLException notYet) {
            return 0; // the schema is not made yet
        }
    }

    /** Every row of the store's tables from one day to another, in key order. */
    static String dump(String url, String from, String to) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("snapshot_day", "snapshot_stage", "snapshot_deal", "snapshot_event")) {
                b.append(table).append('\n');
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE as_of >= '" + from + "' AND as_of <= '"
                    + to + "' ORDER BY 1, 2, 3")) {
                    ResultSetMetaData m = r.getMetaData();
                    while (r.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            b.append(value(r, i)).append(i < m.getColumnCount() ? "|" : "\n");
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    /** A cell as text, numbers as Java prints them (SQLite and PostgreSQL print doubles alike then). */
    private static String value(ResultSet r, int i) throws Exception {
        Object v = r.getObject(i);
        if (v instanceof Number n && !(v instanceof Integer) && !(v instanceof Long)) {
            return Double.toString(n.doubleValue());
        }
        return v == null ? "null" : v.toString();
    }

    /** A fresh schema of the PostgreSQL database CI gives, or the test is skipped where there is none. */
    private static String freshPostgres() throws Exception {
        assumeTrue(POSTGRES != null, "FUNNELCAST_TEST_POSTGRES is not set (.ci/run starts PostgreSQL and sets it)");
        String schema = String.format(Locale.ROOT, "t%d", System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
