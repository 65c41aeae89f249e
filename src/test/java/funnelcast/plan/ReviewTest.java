package funnelcast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.model.Funnel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTest {
    /**
     * Stage s: won 0.5 after Gamma(2, 2), lost 0.5 after Exp(1). Age percentiles come from the
     * visit's mixed dwell; a deal aged 3 wins eventually with
     * w = 0.5 S_G(3) / (0.5 S_G(3) + 0.5 e^-3), since an old deal is more likely on the slow exit.
     */
    @Test
    void agesPercentilesStaleFlagsAndEventualWins() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "s",
              "stages": [ { "id": "s", "exits": { "won": 0.5, "lost": 0.5 },
                "dwell": { "dist": "gamma", "shape": 2, "scale": 2 },
                "exitDwell": { "lost": { "dist": "exponential", "mean": 1 } },
                "questions": ["Who signs?"] } ],
              "inflow": { "perDay": 1 },
              "pipeline": [ { "id": "young", "stage": "s", "age": 1 }, { "id": "old", "stage": "s", "age": 9 },
                            { "id": "mid", "stage": "s", "age": 3 } ],
              "target": { "wins": 4 } }""");
        Review r = Review.of(f, 100);
        Review.StageReview s = r.stages().get(0);
        assertEquals("old", s.deals().get(0).deal(), "stale first");
        double cdf9 = 0.5 * (1 - Math.exp(-4.5) * 5.5) + 0.5 * (1 - Math.exp(-9));
        assertEquals(cdf9, s.deals().get(0).agePercentile(), 1e-12);
        assertTrue(s.deals().get(0).stale());
        Review.DealReview mid = s.deals().get(1);
        assertEquals("mid", mid.deal());
        assertFalse(mid.stale());
        double sg3 = Math.exp(-1.5) * 2.5;
        assertEquals(0.5 * sg3 / (0.5 * sg3 + 0.5 * Math.exp(-3)), mid.pWinEventually(), 1e-12);
        double sg13 = Math.exp(-6.5) * 7.5;
        assertEquals(mid.pWinEventually() * (1 - sg13 / sg3), mid.pWinInHorizon(), 1e-3);
        assertEquals(List.of("Who signs?"), s.questions());
        // The target's steady state, a month's task over March's 22 working days: 4 / (22 * 0.5) a day,
        // holding that times the mean dwell 0.5 * 4 + 0.5 * 1 = 2.5.
        assertEquals(4 / (22 * 0.5) * 2.5, s.steadyStock(), 1e-12);
        assertFalse(s.thin(), "3 deals held against 0.91 needed");
    }

    @Test
    void aThinStageIsNamed() {
        Review r = Review.of(TestScenarios.funnel("scenarios/midmonth-team.json"), 50);
        // the mid-month team holds 4 at evaluate where a month of 20 wins needs 6.8 (and contact's 13 of 14.7 is not thin)
        assertEquals(List.of("evaluate", "commit"), r.thinStages());
        Review full = Review.of(TestScenarios.funnel("scenarios/telesales.json"), 50);
        assertTrue(full.thinStages().isEmpty(), "the steady-state pipeline is not thin: " + full.thinStages());
    }

    /**
     * A fifth of the visits stall: a deal aged a has stalled with 0.2 / (0.2 + 0.8 e^(-a/4)), so
     * at age 2 it is likelier moving and at age 12 likelier stalled; a stage without a stalled
     * share shows none.
     */
    @Test
    void eachDealShowsItsChanceOfHavingStalled() {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-03-02", "end": "2026-03-13" }, "entry": "s",
              "stages": [ { "id": "s", "exits": { "t": 0.5, "lost": 0.5 }, "stalled": 0.2,
                "dwell": { "dist": "exponential", "mean": 4 } },
                { "id": "t", "exits": { "won": 1 }, "dwell": { "dist": "exponential", "mean": 1 } } ],
              "inflow": { "perDay": 1 },
              "pipeline": [ { "id": "young", "stage": "s", "age": 2 }, { "id": "old", "stage": "s", "age": 12 },
                            { "id": "closing", "stage": "t", "age": 1 } ] }""");
        Review r = Review.of(f, 100);
        assertTrue(r.showsStalled());
        for (Review.DealReview d : r.stages().get(0).deals()) {
            double expected = 0.2 / (0.2 + 0.8 * Math.exp(-d.age() / 4));
            assertEquals(expected, d.pStalled(), 1e-12, d.deal());
            assertEquals(d.age() > 8, d.likelyStalled(), d.deal());
        }
        assertTrue(Double.isNaN(r.stages().get(1).deals().get(0).pStalled()), "no stalled share at t");
        assertFalse(Review.of(TestScenarios.funnel("scenarios/telesales.json"), 50).showsStalled());
    }
}
