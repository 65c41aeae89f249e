package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --xlsx}: the result's tables as a workbook, read back with Apache POI. */
class SpreadsheetCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Workbook read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    /** The row of a key/value sheet whose first cell is {@code key}. */
    static Row row(Sheet sheet, String key) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row '" + key + "' in sheet " + sheet.getSheetName());
    }

    static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    /** The bar: the plan sheet holds the required inflow as a number, the same double as plan --json's. */
    @Test
    void thePlanSheetHoldsTheRequiredInflowAsTheJsonGivesIt(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("plan.xlsx");
        Cli r = Cli.run("plan", "scenarios/midmonth-team.json", "--xlsx", book.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Wrote " + book), r.out());
        assertEquals("", r.err(), "nothing on standard error (no logging from the library)");
        JsonNode json = JSON.readTree(Cli.run("plan", "scenarios/midmonth-team.json", "--json").out());
        try (Workbook w = read(book)) {
            assertEquals("plan", w.getSheetName(0), "the result's scalars come first");
            Cell inflow = row(w.getSheet("plan"), "thisPeriod.inflowPerDay").getCell(1);
            assertEquals(CellType.NUMERIC, inflow.getCellType());
            assertEquals(json.get("thisPeriod").get("inflowPerDay").asDouble(), inflow.getNumericCellValue(), 0);
            assertEquals(CellType.BOOLEAN, row(w.getSheet("plan"), "thisPeriod.reachable").getCell(1).getCellType());
            Sheet stages = w.getSheet("steadyState.stages");
            assertNotNull(stages, "each list on a sheet of its own");
            assertEquals(List.of("id", "pWin", "expectedVisits", "arrivalsPerDay", "meanDwell", "inventory"), header(stages));
            assertEquals(json.get("steadyState").get("stages").size(), stages.getLastRowNum());
            assertEquals(json.get("steadyState").get("stages").get(2).get("inventory").asDouble(),
                stages.getRow(3).getCell(5).getNumericCellValue(), 0);
            assertEquals(json.get("curve").size(), w.getSheet("curve").getLastRowNum());
        }
    }

    /** Dates are dates: the forecast's days, with the pmf as index and value. */
    @Test
    void theForecastsDaysAreDatesAndItsPmfIsNumbers(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("forecast.xlsx");
        Cli r = Cli.run("forecast", "scenarios/telesales.json", "--method", "exact", "--xlsx", book.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = JSON.readTree(Cli.run("forecast", "scenarios/telesales.json", "--method", "exact", "--json").out());
        try (Workbook w = read(book)) {
            Sheet daily = w.getSheet("daily");
            assertEquals(List.of("day", "date", "mean", "p10", "p50", "p90"), header(daily));
            Cell date = daily.getRow(1).getCell(1);
            assertTrue(DateUtil.isCellDateFormatted(date), "a date cell");
            assertEquals(LocalDate.parse(json.get("daily").get(0).get("date").asText()),
                date.getLocalDateTimeCellValue().toLocalDate());
            Sheet pmf = w.getSheet("wins.pmf");
            assertEquals(List.of("index", "pmf"), header(pmf));
            assertEquals(json.get("wins").get("pmf").get(20).asDouble(), pmf.getRow(21).getCell(1).getNumericCellValue(), 0);
            assertEquals(json.get("pHitTarget").asDouble(), row(w.getSheet("forecast"), "pHitTarget").getCell(1)
                .getNumericCellValue(), 0);
        }
    }

    /** A sweep's rows as numbers, the same as its CSV's; a report's four results in one workbook. */
    @Test
    void aSweepsRowsAndAReportsTablesAreNumbers(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("sweep.xlsx");
        Cli r = Cli.run("sweep", "scenarios/telesales.json", "--grid", "inflow.perDay=4,6.5", "--method", "exact",
            "--out", dir.resolve("sweep.csv").toString(), "--xlsx", book.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        try (Workbook w = read(book)) {
            Sheet sweep = w.getSheet("sweep");
            assertEquals(List.of(csv.get(0).split(",")), header(sweep));
            for (int i = 1; i < csv.size(); i++) {
                String[] cells = csv.get(i).split(",", -1);
                assertEquals(Double.parseDouble(cells[0]), sweep.getRow(i).getCell(0).getNumericCellValue(), 0);
                assertEquals(Double.parseDouble(cells[6]), sweep.getRow(i).getCell(6).getNumericCellValue(), 0, "pHitTarget");
            }
        }
        Path report = dir.resolve("report.xlsx");
        Cli rep = Cli.run("report", "scenarios/midmonth-team.json", "--trials", "2000", "--out", dir.resolve("r").toString(),
            "--xlsx", report.toString());
        assertEquals(0, rep.exitCode(), rep.err());
        assertTrue(rep.out().contains("Wrote " + report), rep.out());
        try (Workbook w = read(report)) {
            assertEquals("report", w.getSheetName(0));
            for (String sheet : new String[] {"forecast.daily", "plan.curve", "sensitivity.stages"}) {
                assertNotNull(w.getSheet(sheet), sheet + " in " + w.getSheetName(1) + "...");
            }
            assertEquals(CellType.NUMERIC, row(w.getSheet("report"), "forecast.revenue.pHitTarget").getCell(1).getCellType());
        }
    }

    /** A name Excel would not open is refused before the run, with exit 2 and nothing written. */
    @Test
    void aWorkbookNameWithoutXlsxIsRefusedBeforeTheRun(@TempDir Path dir) {
        Path wrong = dir.resolve("plan.xls");
        Cli r = Cli.run("plan", "scenarios/telesales.json", "--xlsx", wrong.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--xlsx: expected a file name ending in .xlsx"), r.err());
        assertFalse(Files.exists(wrong));
    }
}
