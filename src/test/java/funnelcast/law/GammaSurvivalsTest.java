package funnelcast.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The gamma's survivals at many ascending ages, stepped from one age to the next by the
 * density's integral, against the incomplete gamma function asked at every age: the logs agree
 * to 1e-13 (relative where they exceed 1) for shapes from 0.05 to 500, ages packed and spread
 * from a second to years, down to survivals of 1e-290, past which both fall under a
 * likelihood's floor. The sum a likelihood takes is within the points' bounds summed.
 */
class GammaSurvivalsTest {
    @Test
    void steppedSurvivalsAreTheIncompleteGammaFunctions() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
        int stepped = 0;
        int asked = 0;
        for (double shape : new double[] {0.05, 0.2, 0.5, 0.9, 1, 1.5, 2, 3, 5, 10, 30, 100, 500}) {
            for (double scale : new double[] {0.3, 40}) {
                for (double spread : new double[] {0.5, 2, 10, 30, 200, 2000}) {
                    for (int n : new int[] {50, 2000}) {
                        double[] ages = new double[n];
                        for (int i = 0; i < n; i++) {
                            // some ages packed near zero, some spread over the range
                            ages[i] = Math.max(1.0 / 86_400, spread * rng.nextDouble() * (i % 2 == 0 ? 1 : rng.nextDouble()));
                        }
                        Arrays.sort(ages);
                        Gamma law = new Gamma(shape, scale);
                        double[] q = law.survivals(ages);
                        double[] weights = new double[n];
                        double direct = 0;
                        double bound = 0; // the points' bound, summed
                        for (int i = 0; i < n; i++) {
                            double exact = law.survival(ages[i]);
                            weights[i] = i % 7 == 0 ? 0 : 1 + rng.nextDouble();
                            direct += weights[i] * Math.max(Math.log(exact), FLOOR);
                            bound += weights[i] * 1e-13 * Math.max(1, Math.min(-Math.log(exact), -FLOOR));
                            if (exact < 1e-290 && q[i] < 1e-290) {
                                continue;
                            }
                            double gap = Math.abs(Math.log(q[i]) - Math.log(exact)) / Math.max(1, -Math.log(exact));
                            assertTrue(gap < 1e-13, "shape " + shape + ", scale " + scale + ", age " + ages[i] + ": stepped "
                                + q[i] + ", asked " + exact);
                            if (q[i] == exact) {
                                asked++;
                            } else {
                                stepped++;
                            }
                        }
                        double sum = law.evaluation().logSurvivals(ages, weights, FLOOR);
                        assertEquals(direct, sum, bound, "shape " + shape + ", spread " + spread);
                    }
                }
            }
        }
        assertTrue(stepped > asked, stepped + " stepped, " + asked + " asked: the steps are taken");
    }

    @Test
    void repeatedAndUnorderedAgesAreAskedNotStepped() {
        Gamma law = new Gamma(1.7, 1.6);
        double[] ages = {0, 0.5, 0.5, 3, 2.9, 7};
        double[] q = law.survivals(ages);
        for (int i = 0; i < ages.length; i++) {
            assertEquals(law.survival(ages[i]), q[i], 1e-15, "age " + ages[i]);
        }
    }

    private static final double FLOOR = Math.log(1e-300);
}
