package funnelcast.daily;

import funnelcast.cli.InProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How long a year's backfill of the Maven data takes (issue 26's bar: under two minutes on 2
 * cores): {@code snapshot sales_pipeline.csv --opportunities ... --from 2017-01-01 --to 2017-12-31
 * --target 400} into a new SQLite file on 2 threads, as the command line runs it. The data is
 * not in the repository; put it where docs/calibration.md says ({@code ../shared/data/...}, or the
 * path given as the argument). Run from the repository root: {@code java -cp
 * benchmarks/target/benchmarks.jar funnelcast.daily.BackfillScale [sales_pipeline.csv]}. A
 * wall-clock figure of one run, not JMH: it times the command's whole work once.
 */
public final class BackfillScale {
    private BackfillScale() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/maven-crm-sales-opportunities/sales_pipeline.csv");
        if (!Files.isRegularFile(data)) {
            System.out.println("no Maven data at " + data + " (docs/calibration.md says where to download it)");
            return;
        }
        Path db = Files.createTempDirectory("funnelcast-backfill").resolve("year.db");
        InProcess run = InProcess.run("snapshot", data.toString(), "--opportunities", "--columns",
            "id=opportunity_id,start=engage_date,close=close_date,outcome=deal_stage,value=close_value,rep=sales_agent",
            "--from", "2017-01-01", "--to", "2017-12-31", "--target", "400", "--db", db.toString(), "--threads", "2");
        long refused = run.err().lines().filter(l -> l.contains("could not be made")).count();
        System.out.printf(Locale.ROOT, "a year of the Maven data, 2 threads: %.1f s (exit %d): %s%d days refused (nothing "
            + "had closed yet)%n", run.seconds(), run.code(), run.out().trim() + " ", refused);
    }
}
