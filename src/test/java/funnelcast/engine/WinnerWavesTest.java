package funnelcast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import org.junit.jupiter.api.Test;

class WinnerWavesTest {
    /** The chunk of trials whose new winners are drawn at once divides a block and keeps the mean in int range. */
    @Test
    void inflowChunksDivideABlockAndStayInRange() {
        assertEquals(1000, KernelTables.chunk(22));
        assertEquals(500, KernelTables.chunk(2e6));
        assertEquals(100, KernelTables.chunk(1e7));
        assertEquals(1, KernelTables.chunk(2e9));
        for (double perTrial : new double[] {0.5, 3e5, 1.1e6, 4e6, 3e7}) {
            int c = KernelTables.chunk(perTrial);
            assertEquals(0, MonteCarloEngine.BLOCK_TRIALS % c);
            assertTrue(c == 1 || c * perTrial <= 1 << 30);
        }
    }

    /**
     * Blocks of 700 trials, so every chunk of new winners is a partial one, drawn from its own
     * Poisson sampler: on a CTMC with self-loops, fall-backs, exit-specific dwells and a deal of
     * known value, the wins pmf agrees with the exact one (the bound of AgreementTest) and the
     * revenue mean within 4 standard errors.
     */
    @Test
    void partialChunksGiveTheExactLaw() {
        Funnel funnel = TestScenarios.funnel("src/test/resources/scenarios/loops-exponential.json");
        Forecast exact = ExactMethod.forecast(funnel);
        KernelTables tables = new KernelTables(funnel);
        BlockKernel kernel = BlockKernel.of(tables, 700);
        int blocks = 200;
        long n = 700L * blocks;
        long[] counts = new long[200];
        double revenue = 0;
        double revenueSquares = 0;
        for (int b = 0; b < blocks; b++) {
            kernel.bind(Streams.of(7, b));
            BlockResults r = kernel.run(700);
            for (int i = 0; i < r.trials; i++) {
                counts[r.wins[i]]++;
                revenue += r.revenue[i];
                revenueSquares += r.revenue[i] * r.revenue[i];
            }
        }
        double tv = 0;
        for (int k = 0; k < counts.length; k++) {
            tv += Math.abs(exact.wins().pmf(k) - (double) counts[k] / n) / 2;
        }
        double bound = AgreementTest.tvBound(exact, n);
        assertTrue(tv <= bound, "TV " + tv + " > " + bound);

        double mean = revenue / n;
        double se = Math.sqrt((revenueSquares / n - mean * mean) / n);
        assertEquals(exact.revenue().orElseThrow().mean(), mean, 4 * se);
    }
}
