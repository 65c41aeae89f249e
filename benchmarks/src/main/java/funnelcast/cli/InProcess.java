package funnelcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A command run in this JVM as {@code funnel} runs it, timed on the wall clock: what the scale
 * benchmarks (calibration, a company's segments, a year's backfill) time once each.
 */
public record InProcess(int code, String out, String err, double seconds) {
    /** Runs {@code args} (the command and its options) and keeps its exit code, output, errors and seconds. */
    public static InProcess run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        long t0 = System.nanoTime();
        int code = cl.execute(args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new InProcess(code, out.toString(), err.toString(), seconds);
    }
}
