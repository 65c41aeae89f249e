package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The month series against a known truth, and the Student widening against its tabled values. */
class MonthSeriesTest {
    /**
     * y = 0.3 + u + e over 60 months, u ~ N(0, 0.4^2) the month's own effect, e ~ N(0, 0.01) the
     * counts' noise. The moment estimate of tau^2 = 0.16 has a standard error near
     * sqrt(2 / 60) (0.16 + 0.01) = 0.031, the level near sqrt(0.17 / 60) = 0.053; both are held
     * to four of them.
     */
    @Test
    void theMonthVarianceAndLevelAreRecovered() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(20261202L);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 60;
        double[] y = new double[n];
        double[] v = new double[n];
        int[] pos = new int[n];
        int[] index = new int[n];
        for (int m = 0; m < n; m++) {
            v[m] = 0.01;
            y[m] = 0.3 + 0.4 * normal.sample() + 0.1 * normal.sample();
            pos[m] = m % 3;
            index[m] = m - n;
        }
        MonthSeries.Fit f = new MonthSeries(y, v, pos, index, 0).fit(0, 0, Double.POSITIVE_INFINITY, false);
        assertEquals(0.16, f.tau2(), 4 * 0.031, "tau^2");
        assertEquals(0.3, f.level(), 4 * 0.053, "level");
        assertEquals(58, f.scored(), "every month after the first two is forecast one step ahead");
    }

    /**
     * Ten months with no month effect (tau^2 fixed at 0) and sampling variance 0.04 each: the
     * level's variance is 0.04 / 10 = 0.004, and the forecast adds only what the fitted funnel
     * does not carry already: all of it with nothing fitted, 0.003 beyond 0.001, none beyond 0.004.
     */
    @Test
    void theLevelAddsOnlyTheVarianceTheFittedFunnelDoesNotCarry() {
        int n = 10;
        double[] y = new double[n];
        double[] v = new double[n];
        int[] pos = new int[n];
        int[] index = new int[n];
        for (int m = 0; m < n; m++) {
            y[m] = 0.1 * (m % 2);
            v[m] = 0.04;
            index[m] = m - n;
        }
        double[] expected = {0.004, 0.003, 0, 0};
        double[] fitted = {0, 0.001, 0.004, 0.01};
        for (int k = 0; k < fitted.length; k++) {
            MonthSeries.Fit f = new MonthSeries(y, v, pos, index, fitted[k]).fit(0, 0, Double.POSITIVE_INFINITY, false,
                false);
            assertEquals(0.05, f.mean(), 1e-12, "the level is the months' mean");
            assertEquals(expected[k], f.variance(), 1e-12, "fitted " + fitted[k]);
        }
    }

    /** (t_nu(0.9) / z(0.9))^2 with z(0.9) = 1.281552 and t_2(0.9) = 1.885618, t_4(0.9) = 1.533206. */
    @Test
    void theWideningMatchesTheStudentT() {
        double z = 1.2815515655446004;
        assertEquals(Math.pow(1.8856180831641267 / z, 2), MonthSeries.studentWidening(0), 1e-9);
        assertEquals(Math.pow(1.5332062740589438 / z, 2), MonthSeries.studentWidening(2), 1e-9);
        assertTrue(MonthSeries.studentWidening(200) < 1.01, "a long history leaves it near 1");
    }
}
