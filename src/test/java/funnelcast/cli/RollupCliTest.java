package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code funnel rollup}: two independent teams against the convolution of their own exact forecasts. */
class RollupCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A team's total this period (already won included) as its own exact forecast gives it. */
    static double[] total(String file) {
        Forecast f = ExactMethod.forecast(Funnel.of(ScenarioSource.readFile(Path.of(file))));
        double[] pmf = new double[f.alreadyWon() + f.wins().pmf().length];
        System.arraycopy(f.wins().pmf(), 0, pmf, f.alreadyWon(), f.wins().pmf().length);
        return pmf;
    }

    /**
     * The bar: the level's pmf is the convolution of the teams' exact pmfs (total variation within
     * the printed bound), its mean their sum, and P(hit) of the shared target that pmf's tail.
     */
    @Test
    void twoIndependentTeamsAddUpByConvolution(@TempDir Path dir) throws Exception {
        Path org = dir.resolve("org.yaml");
        Files.writeString(org, "name: Region\ntarget: { wins: 42 }\nchildren:\n"
            + "  - " + Path.of("scenarios/telesales.json").toAbsolutePath() + "\n"
            + "  - " + Path.of("scenarios/fallbacks-reneging.yaml").toAbsolutePath() + "\n");
        Cli r = Cli.run("rollup", org.toString(), "--method", "exact", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode top = JSON.readTree(r.out()).get("levels").get(0);
        double[] a = total("scenarios/telesales.json");
        double[] b = total("scenarios/fallbacks-reneging.yaml");
        double[] sum = new double[a.length + b.length - 1];
        double mean = 0;
        for (int i = 0; i < a.length; i++) {
            mean += i * a[i];
            for (int j = 0; j < b.length; j++) {
                sum[i + j] += a[i] * b[j];
            }
        }
        for (int j = 0; j < b.length; j++) {
            mean += j * b[j];
        }
        JsonNode pmf = top.get("wins").get("pmf");
        double tv = 0;
        double tail = 0;
        for (int k = 0; k < Math.max(sum.length, pmf.size()); k++) {
            double got = k < pmf.size() ? pmf.get(k).asDouble() : 0;
            double want = k < sum.length ? sum[k] : 0;
            tv += Math.abs(got - want) / 2;
            tail += k >= 42 ? want : 0;
        }
        assertTrue(tv <= top.get("pmfTotalVariation").asDouble() + 1e-12, "TV " + tv);
        // the closed-form means against the pmfs' (within the pmfs' 1e-12 cut tails)
        assertEquals(mean, top.get("wins").get("mean").asDouble(), 1e-6);
        assertEquals(tail, top.get("pHitTarget").asDouble(), 1e-9);
        assertEquals(2, top.get("children").size());
        double shares = top.get("children").get(0).get("shareOfMean").asDouble() + top.get("children").get(1).get("shareOfMean")
            .asDouble();
        assertEquals(1, shares, 1e-12);
        Cli text = Cli.run("rollup", org.toString(), "--method", "exact", "--out", dir.resolve("out").toString());
        assertTrue(text.out().contains("the children's P50s add to") && text.out().contains("Assumed: children independent"),
            text.out());
        assertTrue(Files.readString(dir.resolve("out").resolve("rollup.svg")).contains("Region"), "the tree's chart");
    }

    /**
     * A level whose two teams share the month's conversion shift: the same mean as independent
     * teams, and a variance larger by twice their covariance, which the law of total covariance
     * gives from each team's conditional means at the 16 nodes: Cov = sum_k w_k (m1_k - m1)(m2_k - m2).
     * Teams without a month spread are unchanged by sharing.
     */
    @Tag("slow")
    @Test
    void teamsThatShareTheMonthMoveTogether(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/scenarios/month-effects-aged.json"));
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        Files.writeString(one, text.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"one\""));
        Files.writeString(two, text.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"two\""));
        JsonNode apart = rollup(dir, "apart", false, one, two);
        JsonNode together = rollup(dir, "together", true, one, two);
        double mean = apart.get("wins").get("mean").asDouble();
        assertEquals(mean, together.get("wins").get("mean").asDouble(), 1e-9 * mean);
        ExactMethod.SharedMonth s1 = given(one);
        double[] m1 = means(s1);
        double[] m2 = means(given(two));
        double[] w = s1.weights();
        double a = 0;
        double b = 0;
        for (int k = 0; k < w.length; k++) {
            a += w[k] * m1[k];
            b += w[k] * m2[k];
        }
        double cov = 0;
        for (int k = 0; k < w.length; k++) {
            cov += w[k] * (m1[k] - a) * (m2[k] - b);
        }
        double varApart = Math.pow(apart.get("wins").get("sd").asDouble(), 2);
        double varTogether = Math.pow(together.get("wins").get("sd").asDouble(), 2);
        assertTrue(cov > 0.05 * varApart, "a month spread that matters: cov " + cov + " against " + varApart);
        assertEquals(varApart + 2 * cov, varTogether, 1e-3 * varTogether);
        // without a month spread, sharing changes nothing
        JsonNode plain = rollup(dir, "plain", false, Path.of("scenarios/telesales.json").toAbsolutePath(),
            Path.of("scenarios/fallbacks-reneging.yaml").toAbsolutePath());
        JsonNode plainShared = rollup(dir, "plainShared", true, Path.of("scenarios/telesales.json").toAbsolutePath(),
            Path.of("scenarios/fallbacks-reneging.yaml").toAbsolutePath());
        assertEquals(plain.get("wins").get("sd").asDouble(), plainShared.get("wins").get("sd").asDouble(), 1e-9);
        assertEquals(2, Cli.run("rollup", dir.resolve("together.yaml").toString(), "--method", "monte-carlo").exitCode(),
            "a shared month is the exact method's");
    }

    private static JsonNode rollup(Path dir, String name, boolean shared, Path... teams) throws Exception {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nsharedMonth: " + shared + "\nchildren:\n");
        for (Path t : teams) {
            yaml.append("  - ").append(t.toAbsolutePath()).append('\n');
        }
        Path org = dir.resolve(name + ".yaml");
        Files.writeString(org, yaml.toString());
        Cli r = Cli.run("rollup", org.toString(), "--method", "exact", "--json");
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out()).get("levels").get(0);
    }

    /** A team's forecasts given each node of the month's conversion shift, on the default grid. */
    private static ExactMethod.SharedMonth given(Path file) {
        Funnel f = Funnel.of(ScenarioSource.readFile(file));
        return ExactMethod.sharedMonth(f, ExactMethod.defaultStepsPerDay(f.scenario().horizonDays()));
    }

    /** The expected total wins at each node. */
    private static double[] means(ExactMethod.SharedMonth sm) {
        double[] m = new double[sm.given().size()];
        for (int k = 0; k < m.length; k++) {
            m[k] = sm.given().get(k).alreadyWon() + sm.given().get(k).wins().mean();
        }
        return m;
    }

    /** A missing file and two children of one name are refused with the file and the path of the value. */
    @Test
    void aBadTreeIsRefusedWithThePath(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, "name: R\nchildren:\n  - name: T\n    children: [nowhere.json]\n");
        Cli r = Cli.run("rollup", missing.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("children[0].children[0]")
            && r.err().contains("no such file: 'nowhere.json'"), r.err());
        Path twice = dir.resolve("twice.yaml");
        Files.writeString(twice, "name: R\nchildren:\n  - " + Path.of("scenarios/telesales.json").toAbsolutePath() + "\n  - "
            + Path.of("scenarios/telesales.json").toAbsolutePath() + "\n");
        Cli t = Cli.run("rollup", twice.toString());
        assertEquals(2, t.exitCode());
        assertTrue(t.err().contains("children[1]") && t.err().contains("is the name of another child"), t.err());
    }
}
