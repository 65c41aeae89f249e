package funnelcast.store;

import funnelcast.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store of daily snapshots: an SQLite file (a path; nothing to install) or a shared
 * PostgreSQL server (a {@code jdbc:postgresql://} URL), one schema for both, created and upgraded
 * by Flyway's migrations ({@code funnelcast/store/migration}). SQLite runs in WAL mode with a busy
 * timeout, so two processes can record into one file at once, and every write transaction takes
 * the write lock at its start. A database whose schema is newer than this code is refused.
 */
public final class Store {
    /** The migrations this code knows. */
    static final String MIGRATIONS = "classpath:funnelcast/store/migration";
    /** How long SQLite waits for another process's write to end, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = 120_000;

    private final String name;
    private final DataSource source;

    private Store(String name, DataSource source) {
        this.name = shown(name);
        this.source = source;
    }

    /**
     * Opens (creating it when it is an SQLite file that does not exist yet) and migrates the
     * database {@code db}: a file path, or a JDBC URL ({@code jdbc:sqlite:FILE},
     * {@code jdbc:postgresql://HOST/DB?user=U&password=P}).
     */
    public static Store open(String db) {
        Store store = new Store(db, dataSource(db));
        store.migrate();
        return store;
    }

    /** A database's name as messages show it: a URL's password hidden. */
    public static String shown(String db) {
        return db.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static DataSource dataSource(String db) {
        if (db.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(db);
            pg.setConnectTimeout(10);
            pg.setLoginTimeout(10);
            return pg;
        }
        String file;
        if (db.startsWith("jdbc:sqlite:")) {
            file = db.substring("jdbc:sqlite:".length());
        } else if (db.startsWith("jdbc:")) {
            throw new InputException("--db " + shown(db) + ": expected an SQLite file, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
        } else {
            file = db;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException("--db " + db + ": no folder " + parent + " to hold the database");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        return sqlite;
    }

    /** Brings the schema up to this code's; refuses one that is newer. Two processes creating one file at once: the later retries. */
    private void migrate() {
        try (Connection c = source.getConnection()) {
            c.getMetaData(); // reachable
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + name + ": " + oneLine(e), e);
        }
        Flyway flyway = Flyway.configure().dataSource(source).locations(MIGRATIONS).load();
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getState() == MigrationState.FUTURE_SUCCESS || applied.getState() == MigrationState.FUTURE_FAILED) {
                throw new StoreException("the database " + name + " was written by a newer funnelcast (its schema is at version "
                    + applied.getVersion() + "; this one knows up to " + latest(flyway) + "): use that funnelcast or a newer "
                    + "one, or record into another database");
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                if (attempt == 5) {
                    throw new StoreException("cannot create or upgrade the schema of " + name + ": " + oneLine(e), e);
                }
                sleep(200L * attempt); // another process was creating the same schema
            }
        }
    }

    private static String latest(Flyway flyway) {
        String v = "none";
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED
                && m.getVersion() != null) {
                v = m.getVersion().toString();
            }
        }
        return v;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /** The days recorded for a scope, in date order. */
    public SortedSet<LocalDate> recordedDays(String scope) {
        SortedSet<LocalDate> days = new TreeSet<>();
        try (Connection c = source.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT as_of FROM snapshot_day WHERE scope = ?")) {
            q.setString(1, scope);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    days.add(LocalDate.parse(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return days;
    }

    /** Every scope recorded, the team's first. */
    public List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        try (Connection c = source.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT DISTINCT scope FROM snapshot_day ORDER BY scope")) {
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    scopes.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return scopes;
    }

    /**
     * Records one date's days (the team's and each rep's) in one transaction: their earlier rows
     * (same date and scope) are replaced, and the date is in the store whole or not at all.
     */
    public void record(List<Day> days) {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Day d : days) {
                    write(c, d);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void write(Connection c, Day d) throws SQLException {
        String day = d.asOf().toString();
        for (String table : List.of("snapshot_event", "snapshot_deal", "snapshot_stage", "snapshot_day")) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE as_of = ? AND scope = ?")) {
                del.setString(1, day);
                del.setString(2, d.scope());
                del.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO snapshot_day (as_of, scope, source, version, horizon_start, "
            + "horizon_end, working_days, days_left, target_wins, already_won, method, mean, p10, p50, p90, pmf, p_hit, "
            + "inflow_per_day, confidence, plan_per_day, needed_per_day, new_deals, new_in_month, wins, losses) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            p.setString(++i, day);
            p.setString(++i, d.scope());
            p.setString(++i, d.source());
            p.setString(++i, d.version());
            p.setString(++i, d.horizonStart().toString());
            p.setString(++i, d.horizonEnd().toString());
            p.setInt(++i, d.workingDays());
            p.setInt(++i, d.daysLeft());
            setInt(p, ++i, d.targetWins());
            p.setInt(++i, d.alreadyWon());
            p.setString(++i, d.method());
            p.setDouble(++i, d.mean());
            p.setInt(++i, d.p10());
            p.setInt(++i, d.p50());
            p.setInt(++i, d.p90());
            p.setString(++i, pmfText(d.pmf()));
            setDouble(p, ++i, d.pHitTarget());
            setDouble(p, ++i, d.inflowPerDay());
            p.setDouble(++i, d.confidence());
            setDouble(p, ++i, d.planPerDay());
            setDouble(p, ++i, d.neededPerDay());
            p.setInt(++i, d.newDeals());
            p.setInt(++i, d.newInMonth());
            p.setInt(++i, d.wins());
            p.setInt(++i, d.losses());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO snapshot_stage (as_of, scope, position, stage, entries, "
            + "open_deals, plan_per_day, plan_stock) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < d.stages().size(); k++) {
                Day.Stage s = d.stages().get(k);
                p.setString(1, day);
                p.setString(2, d.scope());
                p.setInt(3, k);
                p.setString(4, s.id());
                p.setInt(5, s.entries());
                p.setInt(6, s.openDeals());
                setDouble(p, 7, s.planPerDay());
                setDouble(p, 8, s.planStock());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO snapshot_deal (as_of, scope, deal, stage, age, rep, "
            + "deal_value, p_win_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Day.Deal x : d.pipeline()) {
                p.setString(1, day);
                p.setString(2, d.scope());
                p.setString(3, x.id());
                p.setString(4, x.stage());
                p.setDouble(5, x.age());
                p.setString(6, x.rep());
                setDouble(p, 7, x.value());
                setDouble(p, 8, x.pWinMonth());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO snapshot_event (as_of, scope, seq, deal, stage, entered_at, "
            + "rep, first_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < d.events().size(); k++) {
                Day.Event e = d.events().get(k);
                p.setString(1, day);
                p.setString(2, d.scope());
                p.setInt(3, k);
                p.setString(4, e.deal());
                p.setString(5, e.stage());
                p.setString(6, e.at().toString());
                p.setString(7, e.rep());
                p.setInt(8, e.first() ? 1 : 0);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** A pmf as text, portable to both databases: its probabilities in order, comma-separated, exactly as Java prints them. */
    static String pmfText(double[] pmf) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < pmf.length; k++) {
            b.append(k == 0 ? "" : ",").append(pmf[k]);
        }
        return b.toString();
    }

    static double[] pmf(String text) {
        if (text.isEmpty()) {
            return new double[0];
        }
        String[] cells = text.split(",");
        double[] pmf = new double[cells.length];
        for (int k = 0; k < cells.length; k++) {
            pmf[k] = Double.parseDouble(cells[k]);
        }
        return pmf;
    }

    private static void setInt(PreparedStatement p, int i, OptionalInt v) throws SQLException {
        if (v.isPresent()) {
            p.setInt(i, v.getAsInt());
        } else {
            p.setNull(i, Types.INTEGER);
        }
    }

    private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
        setDouble(p, i, v == null ? OptionalDouble.empty() : OptionalDouble.of(v));
    }

    private static void setDouble(PreparedStatement p, int i, OptionalDouble v) throws SQLException {
        if (v.isPresent()) {
            p.setDouble(i, v.getAsDouble());
        } else {
            p.setNull(i, Types.DOUBLE);
        }
    }

    /** The days of a scope from {@code from} to {@code to} (both included), in date order, each whole. */
    public List<Day> days(String scope, LocalDate from, LocalDate to) {
        try (Connection c = source.getConnection()) {
            Map<String, List<Day.Stage>> stages = new LinkedHashMap<>();
            Map<String, List<Day.Deal>> deals = new LinkedHashMap<>();
            Map<String, List<Day.Event>> events = new LinkedHashMap<>();
            eachRow(c, "SELECT as_of, stage, entries, open_deals, plan_per_day, plan_stock FROM snapshot_stage "
                + "WHERE scope = ? AND as_of >= ? AND as_of <= ? ORDER BY as_of, position", scope, from, to, r -> {
                stages.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Day.Stage(r.getString(2), r.getInt(3),
                    r.getInt(4), optionalDouble(r, 5), optionalDouble(r, 6)));
            });
            eachRow(c, "SELECT as_of, deal, stage, age, rep, deal_value, p_win_month FROM snapshot_deal "
                + "WHERE scope = ? AND as_of >= ? AND as_of <= ? ORDER BY as_of, deal", scope, from, to, r -> {
                OptionalDouble value = optionalDouble(r, 6);
                OptionalDouble chance = optionalDouble(r, 7);
                deals.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Day.Deal(r.getString(2), r.getString(3),
                    r.getDouble(4), r.getString(5), value.isPresent() ? value.getAsDouble() : null,
                    chance.isPresent() ? chance.getAsDouble() : null));
            });
            eachRow(c, "SELECT as_of, deal, stage, entered_at, rep, first_event FROM snapshot_event "
                + "WHERE scope = ? AND as_of >= ? AND as_of <= ? ORDER BY as_of, seq", scope, from, to, r -> {
                events.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Day.Event(r.getString(2), r.getString(3),
                    LocalDateTime.parse(r.getString(4)), r.getString(5), r.getInt(6) == 1));
            });
            List<Day> days = new ArrayList<>();
            eachRow(c, "SELECT as_of, scope, source, version, horizon_start, horizon_end, working_days, days_left, "
                + "target_wins, already_won, method, mean, p10, p50, p90, pmf, p_hit, inflow_per_day, confidence, plan_per_day, "
                + "needed_per_day, new_deals, new_in_month, wins, losses FROM snapshot_day WHERE scope = ? AND as_of >= ? AND as_of <= ? "
                + "ORDER BY as_of", scope, from, to, r -> {
                String day = r.getString(1);
                int target = r.getInt(9);
                OptionalInt targetWins = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(target);
                days.add(new Day(LocalDate.parse(day), r.getString(2), r.getString(3), r.getString(4),
                    LocalDate.parse(r.getString(5)), LocalDate.parse(r.getString(6)), r.getInt(7), r.getInt(8), targetWins,
                    r.getInt(10), r.getString(11), r.getDouble(12), r.getInt(13), r.getInt(14), r.getInt(15),
                    pmf(r.getString(16)), optionalDouble(r, 17), optionalDouble(r, 18), r.getDouble(19), optionalDouble(r, 20),
                    optionalDouble(r, 21), r.getInt(22), r.getInt(23), r.getInt(24), r.getInt(25),
                    stages.getOrDefault(day, List.of()),
                    deals.getOrDefault(day, List.of()), events.getOrDefault(day, List.of())));
            });
            return days;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** What is done with each row of a query. */
    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    /** Runs a query on a scope's days from {@code from} to {@code to} and reads each row. */
    private static void eachRow(Connection c, String sql, String scope, LocalDate from, LocalDate to, RowReader reader)
        throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, scope);
            q.setString(2, from.toString());
            q.setString(3, to.toString());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    private static OptionalDouble optionalDouble(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private StoreException failure(SQLException e) {
        return new StoreException("the database " + name + ": " + oneLine(e), e);
    }
}
