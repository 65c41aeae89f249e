package funnelcast.calibrate;

import funnelcast.cli.InProcess;
import funnelcast.history.HistorySimulator;
import funnelcast.history.WorkClock;
import funnelcast.model.Funnel;
import funnelcast.model.WorkCalendar;
import funnelcast.scenario.ScenarioSource;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * How calibration scales with a CRM export's size (issue 24's bar): histories of the telesales
 * scenario simulated at about 100,000 and 1,000,000 events over 250 working days, each read and
 * calibrated as {@code funnel calibrate FILE --as-of DATE} does, timed beside Python's csv module
 * reading the same file (when python3 is installed), with the peak heap in use. Run with the heap
 * the bar names and the options the launcher gives calibrate: {@code java -Xmx1g -XX:+UseSerialGC
 * -XX:+UseTransparentHugePages -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar
 * funnelcast.calibrate.CalibrationScale} from the repository root
 * (the huge pages where /sys/kernel/mm/transparent_hugepage/enabled offers them, as the launcher
 * checks; arguments: event counts, default 100000 1000000).
 */
public final class CalibrationScale {
    private CalibrationScale() {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = args.length > 0 ? Arrays.stream(args).mapToLong(Long::parseLong).toArray()
            : new long[] {100_000, 1_000_000};
        Funnel telesales = Funnel.of(ScenarioSource.readFile(Path.of("scenarios", "telesales.json")));
        Path dir = Files.createTempDirectory("funnelcast-scale");
        System.out.printf(Locale.ROOT, "max heap %.0f MB%n", Runtime.getRuntime().maxMemory() / 1e6);
        for (long events : sizes) {
            // about 3.5 events a deal in this funnel: the inflow that makes the asked size over 250 working days
            double perDay = events / 3.5 / 250;
            Funnel f = Funnel.of(telesales.scenario().withInflow(perDay));
            Path file = dir.resolve("history-" + events + ".csv");
            LocalDate start = f.scenario().calendar().start();
            WorkClock clock = new WorkClock(WorkCalendar.MONDAY_TO_FRIDAY, Set.of(), start.minusDays(400), start.plusDays(800));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                HistorySimulator.write(HistorySimulator.simulate(f, 250, 1), clock, start, w);
            }
            long lines = Files.lines(file).count() - 1;
            double python = python(file);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            LocalDate asOf = clock.dateTime(clock.at(start) + 240).toLocalDate();
            InProcess run = InProcess.run("calibrate", file.toString(), "--as-of", asOf.toString());
            int code = run.code();
            double seconds = run.seconds();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "%,d events (%.1f MB): calibrate %.1f s (exit %d), peak heap in use %.0f MB; "
                + "Python csv reads it in %s: %s%n", lines, Files.size(file) / 1e6, seconds, code, peak / 1e6,
                Double.isNaN(python) ? "(no python3)" : String.format(Locale.ROOT, "%.2f s", python),
                Double.isNaN(python) ? "" : String.format(Locale.ROOT, "%.0f times as long%s", seconds / python,
                    lines >= 1_000_000 ? " (the bar for a million events: 10)" : ""));
        }
    }

    /** Seconds Python's csv module takes to read the file, or NaN without python3. */
    private static double python(Path file) {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import csv,sys,time\nt=time.time()\n"
                + "n=sum(1 for _ in csv.reader(open(sys.argv[1], newline='')))\nprint(time.time()-t)", file.toString())
                .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Double.parseDouble(text) : Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
