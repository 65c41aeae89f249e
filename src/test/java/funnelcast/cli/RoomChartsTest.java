package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
