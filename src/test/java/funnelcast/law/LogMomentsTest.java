package funnelcast.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The Weibull's sum of powers from the logs' binned moments against the sum value by value, over
 * 200,000 dwells from a second to a year with a tenth of the weights zero: equal to 1e-12
 * relative (the series' cut is below 1e-18, the rest is the order of summation) at shapes from
 * 0.05 to the moments' reach, and past it, where the sum is taken value by value.
 */
class LogMomentsTest {
    @Test
    void theBinnedMomentsGiveEveryValuesPowerSum() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(11);
        int n = 200_000;
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(Math.log(1.0 / 86_400) + rng.nextDouble() * Math.log(86_400.0 * 250));
            w[i] = i % 10 == 0 ? 0 : 0.5 + rng.nextDouble();
        }
        WeightedValues sample = WeightedValues.of(x, w);
        for (double k : new double[] {0.05, 0.3, 1, 2.7, 8, LogMoments.REACH, 25}) {
            for (double centre : new double[] {0, Math.log(3), -2}) {
                double direct = 0;
                for (int i = 0; i < n; i++) {
                    direct += w[i] * Math.exp(k * (Math.log(x[i]) - centre));
                }
                assertEquals(direct, sample.powerSum(k, centre), 1e-12 * direct, "k " + k + ", centre " + centre);
            }
        }
    }
}
