package funnelcast.calibrate;

import funnelcast.cli.InProcess;
import funnelcast.history.HistorySimulator;
import funnelcast.history.WorkClock;
import funnelcast.model.Funnel;
import funnelcast.model.WorkCalendar;
import funnelcast.scenario.ScenarioSource;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * How long each part of issue 25's company takes: 200 teams of 10 reps, one export. The telesales
 * funnel is simulated for each team (its own inflow, 3 to 7 new deals a day, 60 working days, each
 * deal given one of the team's 10 reps) into one CSV with a team column; then, timed one after the
 * other as the command line runs them: {@code calibrate --by team} here on 2 threads, the same on
 * Spark {@code local[2]} when funnelcast-spark is on the class path (the scenarios compared byte
 * for byte), and {@code rollup --method exact} of the folder of scenarios. Run from the repository
 * root: {@code java -cp "benchmarks/target/benchmarks.jar:spark/target/funnelcast-spark.jar:spark/target/lib/*"
 * funnelcast.calibrate.CompanyScale [teams]} (without the Spark part of the class path, the
 * Spark row is skipped). Wall-clock figures of one run each, not JMH: each is a command's whole work, once.
 */
public final class CompanyScale {
    private CompanyScale() {
    }

    public static void main(String[] args) throws Exception {
        int teams = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Funnel telesales = Funnel.of(ScenarioSource.readFile(Path.of("scenarios", "telesales.json")));
        Path dir = Files.createTempDirectory("funnelcast-company");
        Path history = dir.resolve("company.csv");
        LocalDate start = telesales.scenario().calendar().start();
        WorkClock clock = new WorkClock(WorkCalendar.MONDAY_TO_FRIDAY, Set.of(), start.minusDays(400), start.plusDays(800));
        long t0 = System.nanoTime();
        long events = 0;
        try (Writer w = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            w.write("deal_id,stage,entered_at,rep,value,team\n");
            for (int t = 0; t < teams; t++) {
                Funnel f = Funnel.of(telesales.scenario().withInflow(3 + 4.0 * t / teams));
                StringWriter one = new StringWriter();
                HistorySimulator.write(HistorySimulator.simulate(f, 60, 1000 + t), clock, start, one);
                BufferedReader lines = new BufferedReader(new StringReader(one.toString()));
                lines.readLine(); // the header
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] c = line.split(",", -1);
                    String id = "T" + t + "-" + c[0];
                    w.write(id + "," + c[1] + "," + c[2] + ",rep " + t + "." + Math.floorMod(id.hashCode(), 10) + "," + c[4]
                        + ",team " + t + "\n");
                    events++;
                }
            }
        }
        LocalDate asOf = clock.dateTime(clock.at(start) + 55).toLocalDate();
        System.out.printf(Locale.ROOT, "%d teams, %,d events (%.1f MB), simulated in %.1f s; as of %s%n", teams, events,
            Files.size(history) / 1e6, (System.nanoTime() - t0) / 1e9, asOf);
        Path local = dir.resolve("local");
        double calibrate = time("calibrate --by team, local, 2 threads", "calibrate", history.toString(), "--as-of",
            asOf.toString(), "--by", "team", "--target", "20", "--out", local.toString(), "--threads", "2", "--json");
        boolean spark = hasSpark();
        if (spark) {
            Path onSpark = dir.resolve("spark");
            time("calibrate --by team, Spark local[2]", "calibrate", history.toString(), "--as-of", asOf.toString(), "--by",
                "team", "--target", "20", "--out", onSpark.toString(), "--json", "--engine", "spark", "--master", "local[2]");
            int same = 0;
            for (int t = 0; t < teams; t++) {
                Path file = Path.of("team-" + t + ".json");
                same += Files.readString(local.resolve(file)).equals(Files.readString(onSpark.resolve(file))) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  Spark's scenarios byte for byte the local ones: %d of %d%n", same, teams);
        } else {
            System.out.println("  (funnelcast-spark not on the class path: the Spark row skipped)");
        }
        Path org = dir.resolve("company.yaml");
        Files.writeString(org, "name: company\ntarget: { wins: " + 20 * teams + " }\nchildren:\n  - local\n");
        double rollup = time("rollup --method exact of the " + teams + " scenarios, 2 threads", "rollup", org.toString(),
            "--method", "exact", "--threads", "2", "--json");
        System.out.printf(Locale.ROOT, "calibration and roll-up here: %.1f s%n", calibrate + rollup);
    }

    private static boolean hasSpark() {
        try {
            Class.forName("funnelcast.spark.SparkSegmentEngine");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Runs a command as {@code funnel} does, prints and returns its seconds; a failure stops the benchmark. */
    private static double time(String what, String... args) {
        InProcess run = InProcess.run(args);
        if (run.code() != 0) {
            throw new IllegalStateException(what + ": exit " + run.code() + "\n" + run.err());
        }
        System.out.printf(Locale.ROOT, "%s: %.1f s%n", what, run.seconds());
        return run.seconds();
    }
}
