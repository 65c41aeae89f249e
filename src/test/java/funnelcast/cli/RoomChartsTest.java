package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts for the room: the target always in sight, percent axes, a size for the projector. */
class RoomChartsTest {
    @Test
    void aTargetBeyondTheFanIsStillDrawnAndLabelled(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("forecast", "scenarios/telesales.json", "--set", "target.wins=60", "--trials", "2000",
            "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String fan = Files.readString(dir.resolve("fan.svg"));
        assertTrue(fan.contains("target 60"), "the fan names a target beyond it");
        String wins = Files.readString(dir.resolve("wins.svg"));
        assertTrue(wins.contains("target 60"), "the pmf names a target beyond it");
        assertTrue(wins.contains("10%"), "the pmf's axis in percent");
        assertTrue(fan.contains("80% band (P10-P90)") && fan.contains("50% band (P25-P75)"), "the bands' legend");
    }

    @Test
    void theInflowCurveKeepsTodaysLineInSight(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("plan", "scenarios/telesales.json", "--set", "inflow.perDay=20", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(dir.resolve("inflow-curve.svg")).contains("now: 20.00 a day"));
    }

    @Test
    void aProjectorSizeScalesTheType(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big");
        Path small = dir.resolve("small");
        assertEquals(0, Cli.run("forecast", "scenarios/telesales.json", "--trials", "2000", "--size", "1920x1080",
            "--out", big.toString()).exitCode());
        assertEquals(0, Cli.run("forecast", "scenarios/telesales.json", "--trials", "2000", "--out", small.toString())
            .exitCode());
        BufferedImage png = ImageIO.read(big.resolve("wins.png").toFile());
        assertEquals(1920, png.getWidth());
        assertEquals(1080, png.getHeight());
        assertTrue(fontSize(Files.readString(big.resolve("wins.svg"))) > 1.9 * fontSize(Files.readString(small.resolve("wins.svg"))),
            "the title's type about twice as large");
        Cli bad = Cli.run("forecast", "scenarios/telesales.json", "--size", "huge", "--out", dir.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--size: expected WIDTHxHEIGHT"), bad.err());
    }

    /** Every command that draws charts takes --size, and refuses a bad one before it computes anything. */
    @Test
    void everyCommandWithChartsTakesSizeAndChecksItFirst(@TempDir Path dir) throws Exception {
        String[][] commands = {
            {"forecast", "scenarios/telesales.json", "--out", dir.resolve("forecast").toString()},
            {"plan", "scenarios/telesales.json", "--out", dir.resolve("plan").toString()},
            {"sensitivity", "scenarios/telesales.json", "--out", dir.resolve("sensitivity").toString()},
            {"compare", "scenarios/telesales.json", "scenarios/midmonth-team.json", "--out", dir.resolve("compare").toString()},
            {"report", "scenarios/telesales.json", "--out", dir.resolve("report").toString()},
            {"sweep", "scenarios/telesales.json", "--grid", "inflow.perDay=4,5", "--grid", "target.wins=18,20",
                "--out", dir.resolve("sweep").resolve("sweep.csv").toString()},
            {"calibrate", "missing-history.csv", "--as-of", "2026-12-01", "--charts", dir.resolve("calibrate").toString()},
        };
        for (String[] c : commands) {
            List<String> args = new ArrayList<>(List.of(c));
            args.addAll(List.of("--size", "10x10"));
            Cli bad = Cli.run(args.toArray(String[]::new));
            assertEquals(2, bad.exitCode(), c[0] + ": " + bad.err());
            assertTrue(bad.err().contains("--size: expected a width in 300..8000"), c[0] + ": " + bad.err());
            assertFalse(Files.exists(dir.resolve(c[0])), c[0] + " wrote nothing");
        }
    }

    /** The largest font-size in an SVG (the title's). */
    private static double fontSize(String svg) {
        double max = 0;
        Matcher m = Pattern.compile("font-size: ?([0-9.]+)px").matcher(svg);
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        return max;
    }
}
