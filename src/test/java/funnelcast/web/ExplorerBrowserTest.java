package funnelcast.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import funnelcast.Parallelism;
import funnelcast.cli.Main;
import funnelcast.daily.Pace;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioSource;
import funnelcast.store.Store;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The explorer's page in a real browser: Debian's headless Chromium, driven by Selenium through
 * Debian's chromedriver (both installed by .ci/run; without them the test is skipped, and says so).
 * Each figure is checked against the exact method's, formatted as the command line prints it.
 */
@Tag("browser")
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static Explorer explorer;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
            "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        explorer = Explorer.start(List.of(ScenarioSource.load(ExplorerApiTest.TELESALES)), "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (explorer != null) {
            explorer.close();
        }
    }

    /**
     * Waits up to 30 seconds, looking every 20 ms: WebDriverWait's default half-second poll made
     * each wait cost up to 0.5 s after the page was already right.
     */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.pollingEvery(Duration.ofMillis(20));
        return wait;
    }

    private static String url(String query) {
        return "http://127.0.0.1:" + explorer.port() + "/" + query;
    }

    /** Waits until the element's text is {@code expected} (the figures arrive after the scripts run). */
    private static void waitForText(String id, String expected) {
        try {
            waiting().until(d -> expected.equals(d.findElement(By.id(id)).getText()));
        } catch (TimeoutException e) {
            throw new AssertionError("#" + id + " shows \"" + browser.findElement(By.id(id)).getText() + "\", expected \""
                + expected + "\"; status: " + browser.findElement(By.id("status")).getText(), e);
        }
    }

    private static String exactPHit(String... settings) {
        return Answers.percent(ExplorerApiTest.exact(ExplorerApiTest.TELESALES, settings).pHitTarget().getAsDouble());
    }

    private static WebElement field(String path) {
        return browser.findElement(By.cssSelector(".field[data-path='" + path + "']"));
    }

    @Test
    void thePageShowsTheExactPHitAndFollowsEveryChange() {
        browser.get(url(""));
        waitForText("phit", "74.3%");
        assertEquals(exactPHit(), "74.3%", "forecast --method exact prints 74.3%");

        WebElement perDay = field("inflow.perDay").findElement(By.cssSelector("input"));
        perDay.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6.5");
        waitForText("phit", exactPHit("inflow.perDay=6.5"));
        assertTrue(browser.getCurrentUrl().contains("set=inflow.perDay%3D6.5"), "the URL carries the change: "
            + browser.getCurrentUrl());

        // the slider: one step right is 0.51
        WebElement slider = field("stages.contact.exits.need").findElement(By.cssSelector("input[type=range]"));
        slider.sendKeys(Keys.ARROW_RIGHT);
        waitForText("phit", exactPHit("inflow.perDay=6.5", "stages.contact.exits.need=0.51"));
        assertEquals("0.51", field("stages.contact.exits.need").findElement(By.cssSelector("input[type=number]"))
            .getAttribute("value"));

        // a value the scenario cannot take: the command line's message beside its field
        perDay.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-1");
        waiting()
            .until(d -> !field("inflow.perDay").findElements(By.cssSelector(".message")).isEmpty());
        String message = field("inflow.perDay").findElement(By.cssSelector(".message")).getText();
        assertTrue(message.contains("inflow.perDay: expected a number >= 0, got -1"), message);
    }

    /**
     * A dwell is edited as a mean in working days, its law chosen from a list: contact's
     * lognormal (median 2, sigma 0.8, mean 2e^0.32 = 2.754) at a mean of 4 keeps its sigma, so its
     * median is 4 / e^0.32; as a gamma it keeps the mean, with shape 2 and scale 2.
     */
    @Test
    void aDwellIsEditedAsAMeanInDaysWithItsLawFromAListAndThePipelineByItsAges() {
        browser.get(url(""));
        waitForText("phit", "74.3%");
        WebElement mean = browser.findElement(By.name("stages.contact.dwell.mean"));
        assertEquals("2.7543", mean.getAttribute("value"));
        mean.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
        waitForText("phit", exactPHit("stages.contact.dwell={\"dist\": \"lognormal\", \"median\": "
            + 4 / Math.exp(0.8 * 0.8 / 2) + ", \"sigma\": 0.8}"));
        String gamma = "stages.contact.dwell={\"dist\": \"gamma\", \"shape\": 2, \"scale\": 2}";
        new Select(field("stages.contact.dwell").findElement(By.tagName("select"))).selectByValue("gamma");
        waitForText("phit", exactPHit(gamma));

        // the pipeline is editable too: a group's age and count are settings like any other
        field("pipeline[0].age").findElement(By.cssSelector("input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
        waitForText("phit", exactPHit(gamma, "pipeline[0].age=5"));
        field("pipeline[0].count").findElement(By.cssSelector("input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "9");
        waitForText("phit", exactPHit(gamma, "pipeline[0].age=5", "pipeline[0].count=9"));
    }

    @Test
    void pinningAComparesBWithA() {
        browser.get(url(""));
        waitForText("phit", "74.3%");
        browser.findElement(By.id("pin")).click();
        field("target.wins").findElement(By.cssSelector("input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "22");
        waitForText("phit", exactPHit("target.wins=22"));
        String table = browser.findElement(By.id("compare")).getText();
        assertTrue(table.contains("P(hit target) 74.3% " + exactPHit("target.wins=22")), table);
        assertEquals("B differs from A in target.wins: 20 → 22.", browser.findElement(By.id("ab-settings")).getText());
        // A's and B's charts drawn over each other, as compare draws them
        waiting()
            .until(d -> d.findElement(By.id("chart-ab-wins")).getAttribute("innerHTML").contains("A (pinned)"));
        assertTrue(browser.findElement(By.id("chart-ab-fan")).isDisplayed());
    }

    /**
     * A chart enlarges over the page on a click: at 1920x1080 even its smallest text (the axis
     * ticks) is at least 14 pixels high, so it reads at the back of a room; Escape closes it.
     */
    @Test
    void aChartEnlargesToReadFromTheBackOfTheRoom() {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1920, 1080));
        try {
            browser.get(url(""));
            waitForText("phit", "74.3%");
            waiting()
                .until(d -> !d.findElement(By.id("chart-wins")).findElements(By.tagName("svg")).isEmpty());
            browser.findElement(By.id("chart-wins")).click();
            assertTrue(browser.findElement(By.id("enlarged")).isDisplayed());
            Number smallest = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.min(...[...document.querySelectorAll('#enlarged svg text')]"
                    + ".map(t => t.getBoundingClientRect().height).filter(h => h > 0))");
            assertTrue(smallest.doubleValue() >= 14, "the smallest text is " + smallest + " px high");
            browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            assertFalse(browser.findElement(By.id("enlarged")).isDisplayed());
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void theClassroomDrawsMonthsAndScoresAGuess() {
        browser.get(url(""));
        waitForText("phit", "74.3%");
        browser.findElement(By.id("guess")).sendKeys("60");
        browser.findElement(By.id("draw10")).click();
        waiting()
            .until(d -> d.findElements(By.cssSelector("#months .dot")).size() == 10);
        String score = browser.findElement(By.id("score")).getText();
        assertTrue(score.startsWith("10 months drawn") && score.contains("the exact P(hit) is 74.3%: off by 14.3 points"),
            score);
    }

    /**
     * A shared link restores its settings; one with a typo still shows figures: the base
     * scenario's, with the bad setting named above them; a refused value that has a field is
     * marked beside it, and the link's good settings are kept.
     */
    @Test
    void aLinkRestoresItsStateAndSetsItsBadSettingsAside() {
        browser.get(url("?set=inflow.perDay=6.5"));
        waitForText("phit", exactPHit("inflow.perDay=6.5"));
        assertTrue(!browser.findElement(By.id("uncertainty-field")).isDisplayed(), "telesales has no counts to draw from");
        assertEquals("6.5", field("inflow.perDay").findElement(By.cssSelector("input")).getAttribute("value"));

        browser.get(url("?set=inflow.perday=6.5"));
        waitForText("phit", "74.3%");
        String notes = browser.findElement(By.id("link-notes")).getText();
        assertTrue(notes.contains("inflow.perday = 6.5") && notes.contains("did you mean 'perDay'"), notes);
        assertFalse(browser.getCurrentUrl().contains("perday"), "the link no longer carries it: " + browser.getCurrentUrl());

        browser.get(url("?set=target.wins=22&set=inflow.perDay=-1"));
        waitForText("phit", exactPHit("target.wins=22"));
        waiting()
            .until(d -> !field("inflow.perDay").findElements(By.cssSelector(".message")).isEmpty());
        String message = field("inflow.perDay").findElement(By.cssSelector(".message")).getText();
        assertTrue(message.startsWith("the link asked for -1, not used: expected a number >= 0"), message);
    }

    /**
     * Presentation mode: P(hit) and the charts stay hidden while the class guesses; the reveal
     * shows the exact answer beside each guess. Starting again draws new months (a fresh seed).
     */
    @Test
    void presentationModeHidesTheAnswerUntilRevealed() {
        browser.get(url("?present=1"));
        waitForText("phit", "hidden until revealed");
        assertFalse(browser.findElement(By.id("charts")).isDisplayed(), "the wins chart shows the answer");
        for (String g : new String[] {"60", "80"}) {
            browser.findElement(By.id("guess")).sendKeys(g);
            browser.findElement(By.id("add-guess")).click();
        }
        assertEquals("2 guesses from the class, kept for the reveal.", browser.findElement(By.id("guesses")).getText());
        browser.findElement(By.id("draw10")).click();
        waiting()
            .until(d -> d.findElements(By.cssSelector("#months .dot")).size() == 10);
        assertFalse(browser.findElement(By.id("score")).getText().contains("74.3"), "no answer before the reveal");
        List<String> first = browser.findElements(By.cssSelector("#months .dot")).stream()
            .map(e -> e.getAttribute("title")).toList();
        browser.findElement(By.id("reveal")).click();
        waitForText("phit", "74.3%");
        assertTrue(browser.findElement(By.id("charts")).isDisplayed());
        assertTrue(browser.findElement(By.id("guesses")).getText().startsWith(
            "The class guessed 60%, 80% (mean 70.0%); the exact P(hit) is 74.3%. Closest: 80% (off by 5.7 points)"),
            browser.findElement(By.id("guesses")).getText());

        browser.findElement(By.id("clear")).click();
        waitForText("phit", "hidden until revealed");
        browser.findElement(By.id("draw10")).click();
        waiting()
            .until(d -> d.findElements(By.cssSelector("#months .dot")).size() == 10);
        List<String> second = browser.findElements(By.cssSelector("#months .dot")).stream()
            .map(e -> e.getAttribute("title")).toList();
        assertNotEquals(first, second, "a new round draws new months");
        assertTrue(browser.findElement(By.id("score")).getText().startsWith("Round 2: 10 months drawn"));
    }

    /** A scenario opened from the disk travels with each request: the page shows its exact P(hit). */
    @Test
    void aScenarioOpenedFromAFileIsTheOneShown() {
        browser.get(url(""));
        waitForText("phit", "74.3%");
        browser.findElement(By.id("open")).sendKeys(ExplorerApiTest.FALLBACKS.toAbsolutePath().toString());
        waitForText("phit", Answers.percent(ExplorerApiTest.exact(ExplorerApiTest.FALLBACKS).pHitTarget().getAsDouble()));
        assertTrue(browser.findElement(By.id("title")).getText().startsWith("Fall-backs and reneging"));
        assertEquals("fallbacks-reneging.yaml (opened)", new Select(browser.findElement(By.id("scenario")))
            .getFirstSelectedOption().getText(), "the menu names the file shown");
        // its exits are counts: parameter uncertainty is offered, and gives the engine's figures
        browser.findElement(By.id("uncertainty")).click();
        waitForText("phit", Answers.percent(MonteCarloEngine.forecast(
            Funnel.of(ScenarioSource.readFile(ExplorerApiTest.FALLBACKS)),
            new MonteCarloEngine.Options(100_000, 42, 1).withUncertainty(true)).pHitTarget().getAsDouble()));
        assertTrue(browser.getCurrentUrl().contains("uncertainty=1"), browser.getCurrentUrl());
    }

    /**
     * The pace page of an explorer started with a store: the month's last two days recorded by
     * snapshot show as two rows, today's P(hit) as the store's, and its charts; a month with nothing recorded says so.
     */
    @Test
    void thePacePageShowsTheWeekFromTheStore(@TempDir Path dir) {
        Path history = dir.resolve("sim.csv");
        Path db = dir.resolve("pace.db");
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("simulate-history", "scenarios/telesales.json", "--days", "60", "--seed", "3", "--out",
            history.toString()));
        assertEquals(0, cli.execute("snapshot", history.toString(), "--from", "2027-01-28", "--to", "2027-01-29", "--target",
            "20", "--no-month-effects", "--db", db.toString()));
        Store store = Store.open(db.toString());
        Pace pace = Pace.read(store, "the store", null, Optional.empty(), Optional.empty(), Optional.empty());
        try (Explorer withStore = Explorer.start(List.of(ScenarioSource.load(ExplorerApiTest.TELESALES)), "127.0.0.1", 0,
            Parallelism.of(2), Optional.of(store))) {
            browser.get("http://127.0.0.1:" + withStore.port() + "/pace.html");
            waiting().until(d -> d.findElements(By.cssSelector("#days tbody tr")).size() == 2);
            assertEquals(Answers.percent(pace.days().get(1).pHitTarget().getAsDouble()), browser.findElement(By.id("phit")).getText());
            assertEquals("2027-01", browser.findElement(By.id("month")).getAttribute("value"));
            waiting().until(d -> !d.findElement(By.id("chart-moved")).findElements(By.tagName("svg")).isEmpty());
            ((JavascriptExecutor) browser).executeScript("const m = document.getElementById('month'); m.value = '2026-06';"
                + " m.dispatchEvent(new Event('change'));");
            waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
            assertTrue(browser.findElement(By.id("error")).getText().contains("no day of 2026-06 is recorded"),
                browser.findElement(By.id("error")).getText());
        }
    }

    @Test
    void thePageLoadsNothingFromAnotherHost() {
        browser.get(url(""));
        waitForText("phit", "74.3%");
        waiting()
            .until(d -> !d.findElement(By.id("chart-wins")).findElements(By.tagName("svg")).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript(
            "return performance.getEntriesByType('resource').map(e => e.name)");
        String origin = "http://127.0.0.1:" + explorer.port() + "/";
        assertTrue(!loaded.isEmpty() && loaded.stream().allMatch(u -> u.startsWith(origin)), loaded.toString());
    }
}
