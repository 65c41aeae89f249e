package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.store.Store;
import funnelcast.scenario.ScenarioSource;
import funnelcast.web.Explorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"The explorer: a page to move the funnel's numbers and see the month change at once.",
        "Serves SCENARIO (the shipped telesales scenario when none is given) on http://HOST:PORT/ until stopped "
            + "(Ctrl-C). Everything the page needs comes from the jar; it reads no file but the scenarios given here."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "The scenarios the page offers (the first is shown).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--port", paramLabel = "P", description = "The port (default 8080; 0: any free one).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on (default 127.0.0.1: this "
        + "machine only). 0.0.0.0 lets anyone on the network use it.")
    String host = "127.0.0.1";

    @Option(names = "--db", paramLabel = "DB", description = "A store snapshot records into (an SQLite file or "
        + "jdbc:postgresql://...): the page /pace.html then shows the month's pace from it.")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The scenario served when none is given: the shipped telesales scenario, which the build puts in the jar. */
    static final String BUILT_IN = "/funnelcast/scenarios/telesales.json";

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InputException("--port " + port + ": expected 0..65535");
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InputException("--host " + host + ": no such address; expected an address of this machine, "
                + "e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
        }
        List<ScenarioSource> scenarios = new ArrayList<>();
        for (Path f : files) {
            ScenarioSource s = ScenarioSource.load(f);
            s.read(List.of()); // refused here, with its message, rather than on the page
            scenarios.add(s);
        }
        if (scenarios.isEmpty()) {
            scenarios.add(builtIn());
        }
        Explorer explorer;
        try {
            explorer = Explorer.start(scenarios, host, port, threads.parallelism(),
                db == null ? Optional.empty() : Optional.of(Store.open(db)));
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new InputException("--port " + port + " on " + host + ": cannot listen there (" + rootMessage(e)
                    + "); choose another with --port, or --port 0 for any free one, and an address of this machine "
                    + "for --host");
            }
            throw e;
        }
        explorer.warmUp();
        PrintWriter out = spec.commandLine().getOut();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.printf(Locale.ROOT, "funnel serve: the explorer is at http://%s:%d/ (Ctrl-C to stop)%n", shown, explorer.port());
        if (db != null) {
            out.printf(Locale.ROOT, "funnel serve: the month's pace from %s is at http://%s:%d/pace.html%n", Store.shown(db), shown,
                explorer.port());
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            out.printf(Locale.ROOT, "funnel serve: listening on %s: other machines can reach it%n", host);
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            explorer.close();
            stopped.countDown();
        }, "funnel-serve-stop"));
        stopped.await();
        return 0;
    }

    private static ScenarioSource builtIn() {
        try (InputStream in = ServeCommand.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + BUILT_IN);
            }
            return new ScenarioSource("telesales.json", new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
