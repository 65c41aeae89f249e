package funnelcast.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Exit;
import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.model.ScenarioException;
import funnelcast.model.Stage;
import funnelcast.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of the model on generated scenarios, built from jqwik's choices ({@link Choices}), so
 * a failure shrinks to a small scenario; jqwik's seeds are fixed so CI is reproducible, and a
 * failure names the choices it used.
 */
class ScenarioPropertiesTest {
    @Provide
    Arbitrary<Choices> choices() {
        return Choices.arbitrary();
    }

    static final int GRID = 40;

    static Funnel funnel(RandomScenario r) {
        return Funnel.of(ScenarioReader.parse(r.json(), "generated.json", false));
    }

    static Forecast exact(Scenario s) {
        return ExactMethod.forecast(Funnel.of(s), GRID);
    }

    static double error(Forecast f) {
        return ((Forecast.Exact) f.method()).pmfTotalVariation();
    }

    @Property(tries = 300, seed = "1")
    void validateAcceptsEveryGeneratedScenario(@ForAll("choices") Choices choices) {
        funnel(new RandomScenario(choices, true));
    }

    @Property(tries = 40, seed = "2")
    void pmfsSumToOneAndQuantilesAreOrdered(@ForAll("choices") Choices choices) {
        Funnel f = funnel(new RandomScenario(choices, true));
        for (Forecast r : new Forecast[] {ExactMethod.forecast(f, GRID),
            MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(2000, choices.seed(), 1))}) {
            double sum = 0;
            for (double p : r.wins().pmf()) {
                assertTrue(p >= 0);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9);
            Forecast.CountQuantiles q = r.wins().quantiles();
            assertTrue(q.p5() <= q.p10() && q.p10() <= q.p25() && q.p25() <= q.p50() && q.p50() <= q.p75()
                && q.p75() <= q.p90() && q.p90() <= q.p95(), q.toString());
            for (Forecast.Day d : r.daily()) {
                assertTrue(d.p10() <= d.p25() && d.p25() <= d.p50() && d.p50() <= d.p75() && d.p75() <= d.p90());
            }
            for (int k = 1; k < r.daily().size(); k++) {
                assertTrue(r.daily().get(k).mean() >= r.daily().get(k - 1).mean() - 1e-9, "cumulative wins never fall");
            }
        }
    }

    /**
     * The bound of AgreementTest (per-cell Jensen, McDiarmid at 1e-6, plus the exact bound), on
     * both engine paths; and the revenue mean within 4 standard errors plus the exact method's
     * mean error at the largest value (pipeline deals may carry their own values).
     */
    @Property(tries = 25, seed = "3")
    void monteCarloAgreesWithTheExactMethod(@ForAll("choices") Choices choices) {
        Funnel f = funnel(new RandomScenario(choices, true));
        Forecast exact = ExactMethod.forecast(f, GRID);
        int n = 20_000;
        for (boolean plain : new boolean[] {false, true}) {
            Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(n, choices.seed(), 2).withWinnersOnly(!plain));
            double bound = Math.sqrt(Math.log(1e6) / (2.0 * n)) + error(exact);
            double tv = 0;
            for (int k = 0; k < Math.max(exact.wins().support(), mc.wins().support()); k++) {
                bound += k < exact.wins().support() ? 0.5 * Math.sqrt(exact.wins().pmf(k) * (1 - exact.wins().pmf(k)) / n) : 0;
                tv += Math.abs(exact.wins().pmf(k) - mc.wins().pmf(k)) / 2;
            }
            assertTrue(tv <= bound, "" + choices + ", plain " + plain + ": TV " + tv + " > " + bound);
            if (exact.revenue().isPresent()) {
                double largest = f.scenario().dealValue().orElseThrow().mean();
                for (var deal : f.scenario().pipeline()) {
                    largest = Math.max(largest, deal.value().orElse(0));
                }
                double se = mc.revenue().orElseThrow().sd() / Math.sqrt(n);
                double meanError = ((Forecast.Exact) exact.method()).meanError();
                assertEquals(exact.revenue().get().mean(), mc.revenue().get().mean(), 4 * se + meanError * largest,
                    "" + choices + ", plain " + plain + ": revenue mean");
            }
        }
    }

    @Property(tries = 30, seed = "4")
    void moreInflowNeverLowersWins(@ForAll("choices") Choices choices) {
        Scenario s = funnel(new RandomScenario(choices, true)).scenario();
        Forecast less = exact(s);
        Forecast more = exact(s.withInflow(s.inflow().perDay() * 1.5 + 0.5));
        double slack = error(less) + error(more) + 1e-9;
        assertTrue(more.wins().mean() >= less.wins().mean() - slack, "" + choices);
        assertTrue(more.pHitTarget().getAsDouble() >= less.pHitTarget().getAsDouble() - slack, "" + choices);
    }

    /** Moving probability from lost to the exit most likely to win never lowers wins. */
    @Property(tries = 30, seed = "5")
    void movingProbabilityFromLostToAnAdvanceNeverLowersWins(@ForAll("choices") Choices choices) {
        Funnel f = funnel(new RandomScenario(choices, true));
        Scenario s = f.scenario();
        for (int i = 0; i < s.stages().size(); i++) {
            Stage st = s.stages().get(i);
            int lost = -1;
            for (int e = 0; e < st.exits().size(); e++) {
                if (st.exits().get(e).to().equals("lost") && st.exits().get(e).probability() > 0) {
                    lost = e;
                }
            }
            int adv = Absorption.of(f).advanceExit(i);
            if (lost < 0 || adv < 0 || adv == lost) {
                continue;
            }
            double delta = Math.min(0.05, st.exits().get(lost).probability());
            List<Exit> exits = new ArrayList<>(st.exits());
            Exit l = exits.get(lost);
            Exit a = exits.get(adv);
            exits.set(lost, new Exit(l.to(), l.probability() - delta, l.dwell(), l.ownDwell()));
            exits.set(adv, new Exit(a.to(), a.probability() + delta, a.dwell(), a.ownDwell()));
            List<Stage> stages = new ArrayList<>(s.stages());
            stages.set(i, new Stage(st.id(), st.label(), exits, st.dwell(), Map.of(), st.criteria(), st.questions()));
            Scenario better = new Scenario(s.name(), s.calendar(), s.entry(), stages, s.inflow(), s.pipeline(), s.target(),
                s.dealValue());
            Forecast before = exact(s);
            Forecast after = exact(better);
            double slack = error(before) + error(after) + 1e-9;
            assertTrue(after.wins().mean() >= before.wins().mean() - slack, "" + choices + " stage " + i);
            assertTrue(after.pHitTarget().getAsDouble() >= before.pHitTarget().getAsDouble() - slack);
            return;
        }
    }

    /** Every dwell 30% longer (ages with it): each deal wins later, so never more wins in the horizon. */
    @Property(tries = 30, seed = "6")
    void longerDwellsNeverRaiseWins(@ForAll("choices") Choices choices) {
        Funnel f = funnel(new RandomScenario(choices, true));
        Scenario slower = f.scenario();
        for (int i = 0; i < f.stageCount(); i++) {
            slower = slower.withDwellScale(i, 1.3);
        }
        Forecast before = exact(f.scenario());
        Forecast after = exact(slower);
        double slack = error(before) + error(after) + 1e-9;
        assertTrue(after.wins().mean() <= before.wins().mean() + slack, "" + choices);
        assertTrue(after.pHitTarget().getAsDouble() <= before.pHitTarget().getAsDouble() + slack);
    }

    @Property(tries = 40, seed = "7")
    void winsNeverExceedThePipelineWithoutInflow(@ForAll("choices") Choices choices) {
        Funnel f = funnel(new RandomScenario(choices, false));
        Forecast mc = MonteCarloEngine.forecast(f, new MonteCarloEngine.Options(3000, choices.seed(), 1).withWinnersOnly(choices.seed() % 2 != 0));
        assertTrue(mc.wins().support() - 1 <= f.scenario().pipelineDeals(), "" + choices);
        assertTrue(ExactMethod.forecast(f, GRID).wins().support() - 1 <= f.scenario().pipelineDeals());
    }

    /** Every mutation that breaks a rule of the format is rejected, naming the broken value's path. */
    @Property(tries = 200, seed = "8")
    void everyBrokenRuleIsRejectedWithItsPath(@ForAll("choices") Choices choices) {
        RandomScenario r = new RandomScenario(choices, true);
        Choices rnd = choices; // the mutation is chosen by the choices the scenario left over
        int i = rnd.nextInt(r.stages);
        ObjectNode stage = (ObjectNode) r.root.withArray("stages").get(i);
        String exitsKey = stage.has("exits") ? "exits" : "exitCounts";
        ObjectNode exits = (ObjectNode) stage.get(exitsKey);
        String expectedPath;
        switch (rnd.nextInt(6)) {
            case 0 -> {
                if (exitsKey.equals("exits")) {
                    String first = exits.fieldNames().next();
                    exits.put(first, exits.get(first).asDouble() + 0.01);
                    expectedPath = "stages[" + i + "].exits";
                } else {
                    exits.put("won", -1);
                    expectedPath = "stages[" + i + "].exitCounts.won";
                }
            }
            case 1 -> {
                exits.put("nowhere", 0.0);
                expectedPath = "stages[" + i + "]." + exitsKey + ".nowhere";
            }
            case 2 -> {
                ObjectNode dwell = (ObjectNode) stage.get("dwell");
                String param = new ArrayList<String>() {{
                    dwell.fieldNames().forEachRemaining(this::add);
                }}.get(1);
                if (dwell.get(param).isArray()) {
                    ((ArrayNode) dwell.get(param)).set(0, -1.0);
                    expectedPath = "stages[" + i + "].dwell." + param;
                } else {
                    dwell.put(param, -dwell.get(param).asDouble() - 1);
                    expectedPath = "stages[" + i + "].dwell." + param;
                }
            }
            case 3 -> {
                stage.put("colour", "red");
                expectedPath = "stages[" + i + "].colour";
            }
            case 4 -> {
                r.root.withArray("pipeline").addObject().put("stage", "s" + i).put("age", -1);
                expectedPath = "pipeline[" + (r.root.withArray("pipeline").size() - 1) + "].age";
            }
            default -> {
                if (r.stages < 2) {
                    return;
                }
                ((ObjectNode) r.root.withArray("stages").get(r.stages - 1)).put("id", "s0");
                expectedPath = "stages[" + (r.stages - 1) + "].id";
            }
        }
        ScenarioException e = assertThrows(ScenarioException.class,
            () -> ScenarioReader.parse(r.json(), "mutated.json", false), "" + choices);
        assertEquals("mutated.json", e.file());
        assertTrue(e.path().startsWith(expectedPath), "" + choices + ": " + e.getMessage() + " (expected " + expectedPath + ")");
    }
}
