package funnelcast.engine;

import static funnelcast.Serialization.travel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A forecast cut into ranges of blocks, each sent through Java serialization, combines to the same numbers. */
class PartialTest {
    private static final Funnel TELESALES_WITH_REVENUE = Funnel.of(ScenarioSource.readFile(Path.of("scenarios/telesales.json"),
        List.of(new Setting("dealValue", "{\"dist\": \"lognormal\", \"median\": 9000, \"sigma\": 0.6}"),
            new Setting("target.revenue", "150000"))));

    @Test
    void rangesRunApartCombineToTheWholeForecast() throws Exception {
        MonteCarloEngine.Options o = new MonteCarloEngine.Options(7_500, 11, 2);
        Forecast whole = MonteCarloEngine.forecast(TELESALES_WITH_REVENUE, o);
        MonteCarloEngine.Options one = new MonteCarloEngine.Options(7_500, 11, 1);
        List<MonteCarloEngine.Partial> parts = new ArrayList<>();
        for (int[] r : new int[][] {{5, 8}, {0, 1}, {1, 5}}) {
            parts.add(travel(MonteCarloEngine.blocks(TELESALES_WITH_REVENUE, one, r[0], r[1])));
        }
        Forecast combined = MonteCarloEngine.combine(TELESALES_WITH_REVENUE, o, parts);
        assertEquals(whole.wins().mean(), combined.wins().mean());
        assertEquals(whole.wins().sd(), combined.wins().sd());
        assertArrayEquals(whole.wins().pmf(), combined.wins().pmf());
        assertEquals(whole.wins().quantiles(), combined.wins().quantiles());
        assertEquals(whole.pHitTarget(), combined.pHitTarget());
        assertEquals(whole.revenue(), combined.revenue());
        assertEquals(whole.daily(), combined.daily());
        assertEquals(whole.method(), combined.method());
    }

    @Test
    void aMissingOrRepeatedRangeIsRefused() {
        MonteCarloEngine.Options o = new MonteCarloEngine.Options(3_000, 1, 1);
        var a = MonteCarloEngine.blocks(TELESALES_WITH_REVENUE, o, 0, 1);
        var c = MonteCarloEngine.blocks(TELESALES_WITH_REVENUE, o, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> MonteCarloEngine.combine(TELESALES_WITH_REVENUE, o, List.of(a, c)));
        assertThrows(IllegalArgumentException.class, () -> MonteCarloEngine.combine(TELESALES_WITH_REVENUE, o, List.of(a, a, c)));
    }
}
