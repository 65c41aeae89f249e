package funnelcast.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.law.Exponential;
import funnelcast.law.Fixed;
import funnelcast.model.PipelineDeal;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * P(revenue >= target) on the grid against hand derivations. With exponential deal values of
 * mean theta, k wins are worth a Gamma(k, theta) sum, so for any count K of law-valued wins
 * {@code P(R >= t) = sum_k P(K = k) P(Gamma(k, theta) >= t)}; the grid's bracket must hold that
 * value and be at most {@link RevenueTail#GAP} wide.
 */
class RevenueTailTest {
    private static final Exponential VALUE = new Exponential(50);

    /** sum_k P(K = k) P(Gamma(k, 50) >= t) over k = 1..max. */
    static double compoundTail(IntToDoubleFunction count, double t, int max) {
        double p = 0;
        for (int k = 1; k <= max; k++) {
            p += count.applyAsDouble(k) * GammaDistribution.of(k, 50).survivalProbability(t);
        }
        return p;
    }

    /** The truth inside the bracket, the bracket closed to the gap, the value reported within its error of the truth. */
    static void assertBrackets(double truth, RevenueTail.Tail t) {
        assertHolds(truth, t);
        assertTrue(t.bracket().upper() - t.bracket().lower() <= RevenueTail.GAP, "bracket " + t + " wider than the gap");
    }

    static void assertHolds(double truth, RevenueTail.Tail t) {
        Bounds b = t.bracket();
        assertTrue(b.lower() <= truth + 1e-12 && truth <= b.upper() + 1e-12, truth + " outside " + b);
        assertEquals(truth, t.value(), t.error() + 1e-12);
    }

    static RevenueTail.Node inflowOnly(double wins) {
        return new RevenueTail.Node(1, wins, new double[0]);
    }

    @Test
    void aPoissonCountOfExponentialValues() {
        PoissonDistribution n = PoissonDistribution.of(6);
        double truth = compoundTail(n::probability, 400, 80);
        assertBrackets(truth, RevenueTail.pAtLeast(400, VALUE, 0, List.of(), List.of(inflowOnly(6))));
    }

    /** A Gamma inflow factor of cv 0.5: a negative binomial count of shape r = 4. */
    @Test
    void aNegativeBinomialCountOfExponentialValues() {
        double r = 4;
        double m = 6;
        double q = m / (r + m);
        IntToDoubleFunction nb = k -> Math.exp(LogGamma.value(k + r)
            - LogGamma.value(k + 1.0) - LogGamma.value(r)
            + r * Math.log(1 - q) + k * Math.log(q));
        double truth = compoundTail(nb, 400, 200);
        assertBrackets(truth, RevenueTail.pAtLeast(400, VALUE, 0.5, List.of(), List.of(inflowOnly(m))));
    }

    /**
     * Two pipeline deals worth 60 each, won with 0.5, and a Poisson(2) count of inflow wins: both
     * pipeline deals reach 100 alone, one needs the inflow's 40, none its 100.
     */
    @Test
    void pipelineDealsWithTheirOwnValues() {
        PoissonDistribution n = PoissonDistribution.of(2);
        double truth = 0.25 + 0.5 * compoundTail(n::probability, 40, 60) + 0.25 * compoundTail(n::probability, 100, 60);
        PipelineDeal deal = new PipelineDeal("d", "commit", 0, 2, OptionalDouble.of(60), null);
        assertBrackets(truth, RevenueTail.pAtLeast(100, VALUE, 0, List.of(deal),
            List.of(new RevenueTail.Node(1, 2, new double[] {0.5}))));
    }

    /** Three pipeline deals without a value, each won with 0.4, add a Binomial(3, 0.4) count of draws to the inflow's Poisson(1.5). */
    @Test
    void pipelineDealsDrawnFromTheLaw() {
        PoissonDistribution n = PoissonDistribution.of(1.5);
        BinomialDistribution m = BinomialDistribution.of(3, 0.4);
        IntToDoubleFunction k = total -> {
            double p = 0;
            for (int j = 0; j <= Math.min(3, total); j++) {
                p += m.probability(j) * n.probability(total - j);
            }
            return p;
        };
        double truth = compoundTail(k, 150, 80);
        PipelineDeal deal = new PipelineDeal("d", "commit", 0, 3, OptionalDouble.empty(), null);
        assertBrackets(truth, RevenueTail.pAtLeast(150, VALUE, 0, List.of(deal),
            List.of(new RevenueTail.Node(1, 1.5, new double[] {0.4}))));
    }

    /** A mixture of two month nodes is the weighted mixture of their tails. */
    @Test
    void monthNodesMixByTheirWeights() {
        double truth = 0.3 * compoundTail(PoissonDistribution.of(3)::probability, 300, 80)
            + 0.7 * compoundTail(PoissonDistribution.of(8)::probability, 300, 80);
        assertBrackets(truth, RevenueTail.pAtLeast(300, VALUE, 0, List.of(),
            List.of(new RevenueTail.Node(0.3, 3, new double[0]), new RevenueTail.Node(0.7, 8, new double[0]))));
    }

    /**
     * 900 expected wins: e^-900 underflows, so the count is split into parts and their sums
     * convolved. Each of ~900 values rounded by up to a cell of 46000/8192 leaves the bracket wide
     * (up to 5,000 either way against an sd of 2,100); rounding to the nearest cell, whose errors
     * cancel (their sum's sd is about 50), is within 0.01.
     */
    @Test
    void aLargeCountIsSplitWithoutUnderflow() {
        PoissonDistribution n = PoissonDistribution.of(900);
        double truth = compoundTail(n::probability, 46_000, 1400);
        RevenueTail.Tail t = RevenueTail.pAtLeast(46_000, VALUE, 0, List.of(), List.of(inflowOnly(900)));
        assertHolds(truth, t);
        assertEquals(truth, t.value(), 0.01);
    }

    /**
     * Fixed values of 1,000: a target of 5,100 is P(N >= 6), closed on the grid; at exactly 5,000
     * five wins land on the target itself, which rounding down misses and rounding up reaches at
     * any grid, so the bracket stays P(N = 5) wide and says so (its half-width is the error reported).
     */
    @Test
    void fixedValuesGiveTheCountsTail() {
        PoissonDistribution n = PoissonDistribution.of(4);
        assertBrackets(n.survivalProbability(5), RevenueTail.pAtLeast(5100, new Fixed(1000), 0, List.of(),
            List.of(inflowOnly(4))));
        Bounds onTheTarget = RevenueTail.pAtLeast(5000, new Fixed(1000), 0, List.of(), List.of(inflowOnly(4))).bracket();
        assertEquals(n.survivalProbability(5), onTheTarget.lower(), 1e-12);
        assertEquals(n.survivalProbability(4), onTheTarget.upper(), 1e-12);
    }
}
