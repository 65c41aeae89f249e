package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.store.StoreException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code funnel}: the command line. Nothing below {@code cli} prints. */
@Command(name = "funnel", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Forecasts and explains a sales funnel: Monte Carlo and exact methods.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:a failure that is not the input's fault (could not write the output, internal error)",
        "2:invalid input: a bad scenario file or bad command-line options"})
public final class Main implements Runnable {
    /** What --version prints, and the version each recorded day (snapshot) names. */
    static final String VERSION = "funnelcast 0.1.0";

    public static final int INVALID_INPUT = 2;
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // One locale for every number a person or a script reads, decided here once: our own output names
        // Locale.ROOT where it formats, and this covers what the libraries format (chart axes, help).
        Locale.setDefault(Locale.ROOT);
        int code;
        try {
            code = args.length == 2 && args[0].equals("validate") && !args[1].startsWith("-")
                ? quickValidate(args[1]) : commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("funnel: " + OUT_OF_MEMORY);
            code = FAILURE;
        }
        System.exit(code);
    }

    /**
     * {@code funnel validate FILE}, which editors and CI run on every save, without building the
     * command line: picocli reads the commands' annotations by reflection, most of a short run's
     * time. Anything else (options, help) goes through picocli as usual; the output is the same.
     */
    private static int quickValidate(String file) {
        // the terminal's encoding, as picocli's own writers use on every other path
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        try {
            return ValidateCommand.validate(Path.of(file), out);
        } catch (Exception e) {
            return handle(e, err);
        } finally {
            out.flush();
        }
    }

    static final String OUT_OF_MEMORY = "ran out of memory (Java's heap is full): run fewer --threads or a smaller "
        + "scenario, or give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx8g";

    /** The subcommands, in the order help lists them. */
    static final List<String> COMMANDS = List.of("forecast", "compare", "plan", "sensitivity", "review", "report",
        "inspect", "calibrate", "reps", "rollup", "backtest", "snapshot", "pace", "simulate-history", "sweep", "serve", "validate", "explain", "help");

    /** A subcommand, made only when registered (a switch, not a table of lambdas: nothing to bootstrap at start). */
    private static Object command(String name) {
        return switch (name) {
            case "forecast" -> new ForecastCommand();
            case "compare" -> new CompareCommand();
            case "plan" -> new PlanCommand();
            case "sensitivity" -> new SensitivityCommand();
            case "review" -> new ReviewCommand();
            case "report" -> new ReportCommand();
            case "inspect" -> new InspectCommand();
            case "calibrate" -> new CalibrateCommand();
            case "reps" -> new RepsCommand();
            case "rollup" -> new RollupCommand();
            case "backtest" -> new BacktestCommand();
            case "snapshot" -> new SnapshotCommand();
            case "pace" -> new PaceCommand();
            case "simulate-history" -> new SimulateHistoryCommand();
            case "sweep" -> new SweepCommand();
            case "serve" -> new ServeCommand();
            case "validate" -> new ValidateCommand();
            case "explain" -> new ExplainCommand();
            default -> new CommandLine.HelpCommand();
        };
    }

    /** The configured command line with every subcommand; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments. Picocli reads every registered command's annotations
     * when it is built, which costs most of a short run's start: when the first argument names a
     * subcommand, only that one is registered; otherwise (help, usage, a typo) all of them are.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.contains(first) && !first.equals("help");
        for (String name : COMMANDS) {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, command(name));
            }
        }
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Bad input: the message and exit 2; anything else: a one-line message and exit 1, never a stack trace. */
    static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        return handle(e, cl.getErr());
    }

    static int handle(Exception e, PrintWriter err) {
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
        if (e instanceof StoreException) {
            err.println("funnel: " + e.getMessage());
            err.flush();
            return FAILURE;
        }
        if (e instanceof IOException io) {
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
