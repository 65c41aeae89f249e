package funnelcast.cli;

import funnelcast.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code funnel}: the command line. Nothing below {@code cli} prints. */
@Command(name = "funnel", mixinStandardHelpOptions = true, version = "funnelcast 0.1.0",
    description = "Forecasts and explains a sales funnel: Monte Carlo and exact methods.",
    subcommands = {ForecastCommand.class, PlanCommand.class, SensitivityCommand.class, ReviewCommand.class,
        ReportCommand.class,
        CalibrateCommand.class, BacktestCommand.class, SimulateHistoryCommand.class, ValidateCommand.class, ExplainCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:a failure that is not the input's fault (could not write the output, internal error)",
        "2:invalid input: a bad scenario file or bad command-line options"})
public final class Funnel implements Runnable {
    public static final int INVALID_INPUT = 2;
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("funnel: " + OUT_OF_MEMORY);
            code = FAILURE;
        }
        System.exit(code);
    }

    static final String OUT_OF_MEMORY = "ran out of memory (Java's heap is full): run fewer --threads or a smaller "
        + "scenario, or give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx8g";

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Funnel());
        cl.setExecutionExceptionHandler(Funnel::handle);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Bad input: the message and exit 2; anything else: a one-line message and exit 1, never a stack trace. */
    static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) { // a worker's, passed on by the engine
                err.println("funnel: " + OUT_OF_MEMORY);
                err.flush();
                return FAILURE;
            }
        }
        if (e instanceof InputException) {
            err.println("funnel: " + e.getMessage());
            err.flush();
            return INVALID_INPUT;
        }
        if (e instanceof java.io.IOException io) {
            err.println("funnel: could not write: " + io.getMessage());
            err.flush();
            return FAILURE;
        }
        err.println("funnel: internal error: " + e);
        if (System.getenv("FUNNELCAST_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set FUNNELCAST_DEBUG=1 for the stack trace, and please report it)");
        }
        err.flush();
        return FAILURE;
    }
}
