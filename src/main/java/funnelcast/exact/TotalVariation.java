package funnelcast.exact;

/**
 * Proven total-variation distances between the laws the exact method reports (at the midpoints of
 * its bounds) and the laws at the true values, which lie inside those bounds.
 */
final class TotalVariation {
    private static final double SQRT_TWO_OVER_E = Math.sqrt(2 / Math.E);

    private TotalVariation() {
    }

    /**
     * {@code sup TV(Po(scale mid), Po(scale x))} over x in the bounds:
     * {@code min(1 - e^-d, sqrt(2/e) (sqrt(m) - sqrt(m - d)))}, m the reported mean and d its
     * half-width. The first is the coupling {@code Po(a + d) = Po(a) + Po(d)}; the second
     * integrates {@code d/dt P(Po(t) >= k) = P(Po(t) = k - 1)}, no Poisson probability exceeding
     * {@code 1 / sqrt(2 e t)} (the bound Adell and Jodra give, J. Inequal. Appl. 2006, 64307;
     * ZeroIsZeroTest checks it against total variations summed term by term). Truth below the
     * midpoint is the worse side, sqrt being concave. Both hold
     * for a mean-one Gamma mixture of the rate too (Jensen: {@code E sqrt(G) <= 1},
     * {@code E(1 - e^-dG) <= 1 - e^-d}), so they bound the negative binomial of a varying month.
     */
    static double poisson(double scale, Bounds mean) {
        double mid = scale * mean.mid();
        double half = scale * mean.halfWidth();
        if (!(half > 0)) {
            return 0;
        }
        double linear = -Math.expm1(-half);
        double root = SQRT_TWO_OVER_E * (Math.sqrt(mid) - Math.sqrt(Math.max(0, mid - half)));
        return Math.min(linear, root);
    }
}
