package funnelcast.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.backtest.Backtest;
import funnelcast.calibrate.Calibrator;
import funnelcast.forecast.Forecast;
import funnelcast.history.HistoryReader;
import funnelcast.history.WorkClock;
import funnelcast.model.Funnel;
import funnelcast.plan.Plan;
import funnelcast.plan.Sensitivity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every chart rendered from known results: valid files of the size asked for, with the result's numbers on them. */
class ChartsTest {
    /** A forecast made by hand: pmf over 0..4 wins in the horizon, 1 already won, target 3. */
    static Forecast known() {
        double[] pmf = {0.1, 0.2, 0.4, 0.2, 0.1};
        List<Forecast.Day> days = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            days.add(new Forecast.Day(d, LocalDate.parse("2026-03-01").plusDays(d), 0.4 * d, d / 3, d / 3, d / 2,
                (d + 1) / 2, d));
        }
        return new Forecast("Known, 已知", new Forecast.MonteCarlo(1000, 7, false), 5, OptionalInt.of(3), 1,
            new Forecast.Wins(2.0, 1.1, pmf, new Forecast.CountQuantiles(0, 1, 1, 2, 3, 3, 4)), OptionalDouble.of(0.7),
            Optional.empty(), days);
    }

    static String svg(JFreeChart chart, int w, int h) throws Exception {
        String svg = ChartFiles.svgText(chart, w, h);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(w, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
        assertEquals(h, Double.parseDouble(doc.getDocumentElement().getAttribute("height")));
        return svg;
    }

    static void png(JFreeChart chart, int w, int h) throws Exception {
        byte[] png = ChartFiles.png(chart, w, h);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
    }

    @Test
    void theWinsChartCarriesTheTargetAndTheResultsNumbers() throws Exception {
        Forecast f = known();
        JFreeChart chart = ForecastCharts.wins(f);
        png(chart, 640, 400);
        String svg = svg(chart, 640, 400);
        assertTrue(svg.contains("target 3"), "target line label");
        // P(hit) 0.7 and the total's quantiles: 1 already won + P10 1, P50 2, P90 3
        assertEquals("P(hit target) = 70.0%   P10 2 · P50 3 · P90 4 wins (with 1 already won)", ForecastCharts.winsSummary(f));
        assertTrue(svg.contains("P(hit target) = 70.0%"), "P(hit) written on the chart");
        assertTrue(svg.contains("P10 2 · P50 3 · P90 4 wins"), "quantiles written on the chart");
        assertTrue(svg.contains("already won: 1"), "already-won wins shown as such");
    }

    @Test
    void theSameChartGivesTheSameBytes() {
        assertEquals(ChartFiles.svgText(ForecastCharts.wins(known()), 640, 400),
            ChartFiles.svgText(ForecastCharts.wins(known()), 640, 400));
        assertTrue(Arrays.equals(ChartFiles.png(ForecastCharts.fan(known()), 640, 400),
            ChartFiles.png(ForecastCharts.fan(known()), 640, 400)));
    }

    @Test
    void theFanChartShowsTheBandsAndTheTarget() throws Exception {
        JFreeChart chart = ForecastCharts.fan(known());
        png(chart, 800, 500);
        String svg = svg(chart, 800, 500);
        assertTrue(svg.contains("target 3"));
        assertTrue(svg.contains("80% band (P10-P90)") && svg.contains("50% band (P25-P75)") && svg.contains(">median<"));
        assertTrue(svg.contains("median 3, 80% between 2 and 6"), "last day: 1 already won + P50 2, P10 1, P90 5");
        assertTrue(svg.contains("Mar 2") || svg.contains("Mar 3"), "dates on the axis");
    }

    @Test
    void planAndSensitivityChartsNameTheStages() throws Exception {
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        Plan plan = Plan.of(f, 0.8, 40);
        String funnel = svg(PlanCharts.funnel(f.scenario(), plan.steadyState()), 900, 520);
        boolean cjk = ChartFonts.familyFor(List.of("接触")) != null;
        for (var st : f.scenario().stages()) {
            assertTrue(funnel.contains(cjk ? xml(st.label()) : st.id()), "stage label " + st.label());
        }
        String curve = svg(PlanCharts.inflowCurve(plan, 5), 900, 520);
        assertTrue(curve.contains(String.format(Locale.ROOT, "at 80%%: %.2f a day; now 5.00 a day",
            plan.thisHorizon().inflowPerDay())));
        assertTrue(curve.contains("now: 5.00 a day"), "the current inflow is marked");
        Sensitivity s = Sensitivity.exact(f, 20);
        String tornado = svg(PlanCharts.tornado(f.scenario(), s), 900, 520);
        assertTrue(tornado.contains("bottleneck: "), "the bottleneck is named");
        png(PlanCharts.tornado(f.scenario(), s), 900, 520);
    }

    @Test
    void withoutAFontForTheLabelsTheChartFallsBackToStageIdsAndWarnsOnce() {
        List<String> warnings = new ArrayList<>();
        ChartFonts.warnTo(warnings::add);
        ChartFonts.Labels l = ChartFonts.labels(List.of("\uE000 private-use glyph no font has"), List.of("contact"));
        assertEquals(List.of("contact"), l.texts());
        ChartFonts.labels(List.of("\uE001 again"), List.of("need"));
        assertEquals(1, warnings.size(), "one line, once");
        assertTrue(warnings.get(0).startsWith("warning: no installed font can draw the stage labels"));
        ChartFonts.warnTo(System.err::println);
    }

    @Test
    void theSurvivalChartShowsKaplanMeierCensoringAndTheFit(@TempDir Path dir)
            throws Exception {
        Path h = dir.resolve("h.csv");
        StringBuilder csv = new StringBuilder("deal_id,stage,entered_at\n");
        for (int i = 0; i < 40; i++) {
            csv.append("D").append(i).append(",talk,2026-03-0").append(2 + i % 5).append("\n");
            if (i % 4 != 0) {
                csv.append("D").append(i).append(i % 3 == 0 ? ",lost" : ",won").append(",2026-03-").append(10 + i % 15)
                    .append("\n");
            }
        }
        Files.writeString(h, csv.toString());
        var clock = new WorkClock(EnumSet.range(DayOfWeek.MONDAY,
            DayOfWeek.FRIDAY), Set.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        var c = Calibrator.calibrate(HistoryReader.read(h),
            new Calibrator.Options(LocalDate.parse("2026-03-31"), clock, LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-30"), 0, OptionalInt.empty(), "t"));
        var stage = c.stages().get(0);
        JFreeChart chart = CalibrationCharts.survival(stage);
        png(chart, 900, 520);
        String svg = svg(chart, 900, 520);
        assertTrue(svg.contains("Kaplan-Meier") && svg.contains("open visits (censored)"), "the curve and its marks");
        assertTrue(svg.contains(String.format(Locale.ROOT, "%d completed visits, %d open; largest gap to "
            + "Kaplan-Meier %.3f", stage.completed(), stage.open(), stage.kmDistance())), "the fit's numbers");
    }

    @Test
    void backtestPitAndCalibrationChartsRender() throws Exception {
        double[] pmf = {0.1, 0.2, 0.4, 0.2, 0.1};
        Backtest.Score s = Backtest.Score.of(pmf, 2);
        Backtest.Month m = new Backtest.Month(YearMonth.of(2026, 1), 2, 10, "none", s, s, s);
        List<Backtest.Summary> sums = List.of(Backtest.Summary.of("model", List.of(s, s)),
            Backtest.Summary.of("stage-weighted pipeline", List.of(s, s)), Backtest.Summary.of("last month's wins", List.of(s, s)));
        Backtest.Result r = new Backtest.Result("x", List.of(m, m), List.of(), sums, 100);
        String svg = svg(CalibrationCharts.backtest(r), 700, 400);
        assertTrue(svg.contains("2 months: 100% inside the 50% interval, 100% inside the 80% interval"));
        png(CalibrationCharts.pit(r), 700, 400);
        String calibration = svg(CalibrationCharts.calibration(r), 900, 700);
        assertTrue(calibration.contains("model over 2 months: 2 inside the 80% interval (chance allows 0-2)"), "the counts");
        png(CalibrationCharts.calibration(r), 900, 700);
    }

    /** Text as SVG writes it. */
    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
