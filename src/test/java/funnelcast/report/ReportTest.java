package funnelcast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import funnelcast.TestScenarios;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.model.Funnel;
import funnelcast.plan.Plan;
import funnelcast.plan.Review;
import funnelcast.plan.Sensitivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    static Report report() {
        Funnel f = TestScenarios.funnel("scenarios/midmonth-team.json");
        return new Report(f.scenario(), MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(5000, 1, 2)),
            Plan.of(f, 0.8, 40), Sensitivity.exact(f, 20), Review.of(f, 40));
    }

    @Test
    void theHtmlIsSelfContainedAndHoldsTheMeetingsAgenda() {
        Report r = report();
        String html = r.html();
        for (String forbidden : new String[] {"src=", "href=", "@import", "<script", "<link", "<img", "https://"}) {
            assertFalse(html.contains(forbidden), "nothing is fetched: " + forbidden);
        }
        // url(...) only as references inside the page (clip paths): url(#...)
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "no url() to another resource");
        // http:// only as XML namespace names, which are never fetched
        assertFalse(html.replaceAll("xmlns(:\\w+)?=['\"]http://[^'\"]*['\"]", "").contains("http://"),
            "no http:// resource");
        assertEquals(5, html.split("<svg", -1).length - 1, "five inline charts");
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile("id='([^']+)'").matcher(html);
        while (id.find()) {
            assertTrue(ids.add(id.group(1)), "ids are unique across the page's charts: " + id.group(1));
        }
        assertTrue(html.contains("CD-008 (stale)"), "stale deals flagged");
        assertTrue(html.contains("付款日期是哪天？/ What is the payment date?"), "each stage's questions");
        assertTrue(html.contains("Bottleneck: "));
        double pRevenue = r.forecast().revenue().orElseThrow().pHitTarget().getAsDouble();
        assertTrue(html.contains(String.format(Locale.ROOT, "P(revenue &gt;= target of 100,000) = %.1f%%",
            100 * pRevenue)), "the scenario's revenue target and its P(hit)");
        String md = r.markdown();
        assertTrue(md.contains("![wins](wins.png)") && md.contains("## Pipeline review"), md);
        assertTrue(md.contains("- 付款日期是哪天？/ What is the payment date?"));
    }

    /**
     * The report opens in headless Chromium with no console message and no request but the page
     * itself (with --v=1 Chromium logs every file it loads). Runs where Chromium is installed;
     * .ci/run installs it.
     */
    @Tag("browser")
    @Test
    void theReportOpensInHeadlessChromiumWithoutErrors(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Chromium is not installed");
        Path page = dir.resolve("report.html");
        Files.writeString(page, report().html());
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=1",
            "--virtual-time-budget=3000", "--dump-dom", page.toUri().toString()))
            .redirectError(log.toFile()).redirectOutput(dir.resolve("dom.html").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        assertEquals(0, p.exitValue());
        assertTrue(Files.readString(dir.resolve("dom.html")).contains("Pipeline review"), "the page was rendered");
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.contains(":CONSOLE")) {
                problems.add(line);
            }
            int at = line.indexOf("FileURLLoader::Start: ");
            if (at >= 0 && !line.substring(at).contains(page.toUri().toString().replace("file://", ""))) {
                problems.add(line);
            }
        }
        assertEquals(List.of(), problems, "console messages or extra requests");
    }
}
