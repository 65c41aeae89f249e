package funnelcast.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * A progress bar on stderr that appears only once a run has taken more than a second; redrawn
 * in place on a terminal, a line per quarter elsewhere (logs).
 */
final class ProgressBar implements LongConsumer {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final long total;
    private final String unit;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastQuarter;
    private boolean drawn;

    ProgressBar(PrintWriter err, long total, String unit) {
        this.err = err;
        this.total = total;
        this.unit = unit;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void accept(long done) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS) {
            return;
        }
        if (terminal) {
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (width * done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d %s", "#".repeat(filled), ".".repeat(width - filled),
                100 * done / total, done, total, unit);
            err.flush();
            drawn = true;
        } else {
            int quarter = (int) (4 * done / total);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                err.printf(Locale.ROOT, "progress: %d%% (%,d/%,d %s)%n", 25 * quarter, done, total, unit);
                err.flush();
            }
        }
    }

    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
