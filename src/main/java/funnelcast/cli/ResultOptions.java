package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.sheet.Tables;
import funnelcast.sheet.Workbooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --out DIR}: how a command gives its result besides the table it prints. */
final class ResultOptions {
    @Mixin
    JsonOption json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the result as JSON and its charts "
        + "(PNG and SVG) into DIR.")
    Path out;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the result's tables as an Excel "
        + "workbook (one sheet a table, numbers as numbers, dates as dates; docs/spreadsheets.md).")
    Path xlsx;

    @Mixin
    ChartSize size;

    boolean json() {
        return json.on;
    }

    /** Checks --size and --xlsx before any work, so a bad one is refused at once, not after the run. */
    void check() {
        size.check();
        checkWorkbook(xlsx);
    }

    /** A workbook's name ends in .xlsx (Excel refuses to open one that does not): refused before the run otherwise. */
    static void checkWorkbook(Path file) {
        if (file == null) {
            return;
        }
        Path name = file.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new InputException("--xlsx: expected a file name ending in .xlsx, got '" + file + "'");
        }
    }

    /** Writes the result's tables as a workbook, whole or not at all. */
    static void writeWorkbook(Path file, String name, Object result) throws IOException {
        AtomicFiles.write(file, Workbooks.xlsx(Tables.of(name, Json.MAPPER.valueToTree(result))));
    }

    /**
     * The second half of every command that computes a result: with --out, the result as
     * {@code name}.json and each chart as PNG and SVG into DIR; with --xlsx, its tables as a
     * workbook (each file whole or not at all); then either the JSON (--json) or the table,
     * followed by the files written.
     */
    void emit(PrintWriter stdout, PrintWriter stderr, String name, Object json, List<Chart> charts,
              Consumer<PrintWriter> table) throws IOException {
        List<Path> files = new ArrayList<>();
        if (out != null) {
            Path file = out.resolve(name + ".json");
            Json.write(file, json);
            files.add(file);
            ChartWriter writer = charts(stderr);
            for (Chart c : charts) {
                writer.write(c.name(), c.make().get());
            }
            files.addAll(writer.written());
        }
        if (xlsx != null) {
            writeWorkbook(xlsx, name, json);
            files.add(xlsx);
        }
        if (json()) {
            stdout.print(Json.text(json));
        } else {
            table.accept(stdout);
            if (!files.isEmpty()) {
                stdout.printf(Locale.ROOT, "%nWrote %s%n", files.stream().map(Path::toString).collect(Collectors.joining(", ")));
            }
        }
        stdout.flush();
    }

    /** Writes the charts into --out at --size. */
    ChartWriter charts(PrintWriter err) {
        return size.writer(out, err);
    }

    /** A chart a command writes under --out as NAME.png and NAME.svg, drawn only then. */
    record Chart(String name, Supplier<JFreeChart> make) {
    }
}
