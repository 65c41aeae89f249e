package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every number is written in one locale, whatever the machine's: plan, the exact forecast and
 * calibrate print the same bytes under a German and a French default locale as under English (a
 * German default once printed {@code 0,200} beside {@code 0.800} and {@code 2.000 trials}). The
 * commands run in-process with the default locale set, so the code itself is checked, not only
 * the launcher's choice of locale. Only the elapsed time, which differs from run to run, is masked.
 */
class OneLocaleTest {
    private static final List<Locale> LOCALES = List.of(Locale.US, Locale.GERMANY, Locale.FRANCE);

    @Test
    void everyCommandPrintsTheSameBytesInEveryLocale(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        assertEquals(0, Cli.run("simulate-history", "scenarios/telesales.json", "--days", "60", "--seed", "4", "--out",
            history.toString()).exitCode());
        List<String[]> commands = List.of(
            new String[] {"plan", "scenarios/midmonth-team.json"},
            new String[] {"plan", "scenarios/telesales.json", "--json"},
            new String[] {"forecast", "scenarios/midmonth-team.json", "--method", "exact"},
            new String[] {"forecast", "scenarios/telesales.json", "--trials", "2000", "--threads", "1"},
            new String[] {"explain", "scenarios/telesales.json"},
            new String[] {"calibrate", history.toString(), "--as-of", "2027-02-19", "--target", "20"});
        Locale before = Locale.getDefault();
        try {
            for (String[] args : commands) {
                String first = null;
                for (Locale locale : LOCALES) {
                    Locale.setDefault(locale);
                    Cli r = Cli.run(args);
                    assertEquals(0, r.exitCode(), r.err());
                    String out = r.out().replaceAll("\\(\\d+\\.\\d s\\)", "(time)");
                    if (first == null) {
                        first = out;
                    } else {
                        assertEquals(first, out, String.join(" ", args) + " under " + locale);
                    }
                }
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
