package funnelcast.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import funnelcast.InputException;
import funnelcast.Mappers;
import funnelcast.sheet.Table;
import funnelcast.sheet.Workbooks;
import funnelcast.chart.SweepCharts;
import funnelcast.sweep.Sweep;
import funnelcast.sweep.SweepEngine;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Forecasts many cases: a grid of values over a base scenario, or one scenario file each.",
        "One CSV row a case; each case runs on a seed derived from (--seed, case) alone.",
        "A case that fails keeps its row, with its message, and the others go on."})
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ThreadsOption threads;

    @Mixin
    MethodOptions methods;

    @Mixin
    ConfidenceOption confidence;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BASE", description = "The base scenario for --grid.")
    Path base;

    @Option(names = "--grid", paramLabel = "PATH=V1,V2,...", description = "A path (as --set writes it) and its "
        + "values; repeatable: the cases are every combination.")
    List<String> grids = new ArrayList<>();

    @Option(names = "--scenarios", paramLabel = "DIR", description = "One case per scenario file (.json, .yaml, .yml) "
        + "in DIR, in name order, instead of a grid.")
    Path scenarios;

    @Option(names = "--engine", paramLabel = "local|spark", description = "Where the cases run: here (local, the "
        + "default) or as an Apache Spark job (spark: needs funnelcast-spark, which ./funnel adds). Same rows either way.")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. "
        + "'local[2]' (in this process, 2 cores) or spark://host:7077; without it, the one spark-submit gives.")
    String master;

    @Mixin
    ChartSize size;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the rows as an Excel workbook (numbers "
        + "as numbers; docs/spreadsheets.md).")
    Path xlsx;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV to write; with two "
        + "--grid, FILE-heatmap.png/svg beside it.")
    Path out;

    @Mixin
    TrialOptions trials;

    @Mixin
    ExactOptions exactOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ResultOptions.checkWorkbook(xlsx);
        size.check(); // a bad --size refused before the run
        double confidence = this.confidence.value();
        List<String> paths = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (scenarios != null) {
            if (base != null || !grids.isEmpty()) {
                throw new InputException("--scenarios runs one case per file: give no BASE and no --grid with it");
            }
            try (Stream<Path> list = Files.list(scenarios)) {
                list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InputException(scenarios + ": cannot list the folder: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new InputException(scenarios + ": no scenario file (.json, .yaml, .yml) in the folder");
            }
        } else {
            if (base == null || grids.isEmpty()) {
                throw new InputException("give BASE with at least one --grid PATH=V1,V2,..., or --scenarios DIR");
            }
            for (String g : grids) {
                if (g.indexOf('=') <= 0) {
                    throw new InputException("--grid " + g + ": expected PATH=V1,V2,..., e.g. inflow.perDay=4,5,6");
                }
                Setting s = Setting.parse(g);
                paths.add(s.path());
                values.add(List.of(s.value().split(",", -1)));
            }
        }
        SweepEngine runner = engine(engine, master);
        List<List<String>> cases = scenarios != null ? files.stream().map(p -> List.of(p.toString())).toList()
            : Sweep.cases(values);
        Sweep.Options engine = Sweep.Options.monteCarlo(trials.count, trials.seed(), threads.count(), confidence);
        Sweep.Options o = methods.exact()
            ? engine.withExact(exactOptions.gridSteps == null ? 0 : exactOptions.stepsPerDay(1)) : engine;
        ScenarioSource baseSource = base == null ? null : ScenarioSource.load(base);
        List<Sweep.Case> job = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (scenarios != null) {
                Path file = files.get(i);
                job.add(Sweep.Case.of(i, cases.get(i), () -> ScenarioSource.load(file), List.of()));
            } else {
                List<Setting> set = new ArrayList<>();
                for (int j = 0; j < paths.size(); j++) {
                    set.add(new Setting(paths.get(j), cases.get(i).get(j)));
                }
                job.add(new Sweep.Case(i, cases.get(i), baseSource, set, null));
            }
        }
        List<Sweep.CaseResult> rows = runner.run(new Sweep.Job(job, o), master, done -> {
            err.printf(Locale.ROOT, "sweep: case %d/%d%s%n", done, cases.size(), done == cases.size() ? ", done" : "");
            err.flush();
        });
        List<String> header = new ArrayList<>(scenarios != null ? List.of("file") : paths);
        header.addAll(List.of("mean", "sd", "p10", "p50", "p90", "pHitTarget", "inflowPerDayNeeded", "bottleneck", "error"));
        AtomicFiles.write(out, csv(header, rows).getBytes(StandardCharsets.UTF_8));
        PrintWriter o2 = spec.commandLine().getOut();
        long failed = rows.stream().filter(Sweep.CaseResult::failed).count();
        o2.printf(Locale.ROOT, "Wrote %s: %d cases%s%n", out, rows.size(), failed > 0 ? ", " + failed + " failed (see the error column)" : "");
        if (xlsx != null) {
            AtomicFiles.write(xlsx, Workbooks.xlsx(List.of(table(header, rows))));
            o2.printf(Locale.ROOT, "Wrote %s%n", xlsx);
        }
        if (paths.size() == 2) {
            double[][] pHit = new double[values.get(0).size()][values.get(1).size()];
            for (Sweep.CaseResult r : rows) {
                pHit[r.index() / values.get(1).size()][r.index() % values.get(1).size()] = r.pHitTarget();
            }
            Path file = out.getFileName();
            String name = (file == null ? "sweep" : file.toString()).replaceFirst("\\.csv$", "") + "-heatmap";
            Path dir = out.toAbsolutePath().getParent();
            if (dir == null) {
                throw new InputException("--out " + out + ": expected a file path, not a root folder");
            }
            ChartWriter charts = size.writer(dir, err);
            charts.write(name, SweepCharts.heatMap(paths.get(0), values.get(0), paths.get(1), values.get(1), pHit));
            o2.printf(Locale.ROOT, "Wrote %s%n", String.join(", ", charts.written().stream().map(Path::toString).toList()));
        }
        o2.flush();
        return 0;
    }

    /** The engine --engine names (docs/sweep.md). */
    static SweepEngine engine(String name, String master) {
        return Engines.choose(SweepEngine.class, SweepEngine.LOCAL, SweepEngine::name, name, master);
    }

    /** The rows as the workbook's sheet: the case's values as numbers where they are numbers, the results as numbers. */
    static Table table(List<String> header, List<Sweep.CaseResult> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (Sweep.CaseResult r : rows) {
            List<Object> row = new ArrayList<>();
            for (String v : r.values()) {
                row.add(number(v));
            }
            if (r.failed()) {
                row.addAll(Arrays.asList(null, null, null, null, null, null, null, null, r.error()));
            } else {
                row.addAll(Arrays.asList(r.mean(), r.sd(), r.p10(), r.p50(), r.p90(),
                    Double.isNaN(r.pHitTarget()) ? null : r.pHitTarget(),
                    Double.isNaN(r.inflowNeeded()) ? null : r.inflowNeeded(), r.bottleneck(), null));
            }
            cells.add(row);
        }
        return new Table("sweep", header, cells);
    }

    /** A case's value as a number when it reads as one (4, 6.5), else as written. */
    private static Object number(String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException notANumber) {
            return v;
        }
    }

    /** The rows as CSV: numbers as Java writes them (shortest round-trip), empty where there is none. */
    static String csv(List<String> header, List<Sweep.CaseResult> rows) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder();
        header.forEach(b::addColumn);
        CsvSchema schema = b.setUseHeader(true).setLineSeparator("\n").build();
        StringWriter text = new StringWriter();
        try (SequenceWriter w = Mappers.CSV.writer(schema).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(text)) {
            for (Sweep.CaseResult r : rows) {
                List<String> cells = new ArrayList<>(r.values());
                if (r.failed()) {
                    cells.addAll(List.of("", "", "", "", "", "", "", "", r.error()));
                } else {
                    cells.add(Double.toString(r.mean()));
                    cells.add(Double.toString(r.sd()));
                    cells.add(Integer.toString(r.p10()));
                    cells.add(Integer.toString(r.p50()));
                    cells.add(Integer.toString(r.p90()));
                    cells.add(Double.isNaN(r.pHitTarget()) ? "" : Double.toString(r.pHitTarget()));
                    cells.add(Double.isNaN(r.inflowNeeded()) ? "" : Double.toString(r.inflowNeeded()));
                    cells.add(r.bottleneck());
                    cells.add("");
                }
                w.write(cells.toArray(String[]::new));
            }
        }
        return text.toString();
    }
}
