package funnelcast.exact;

import funnelcast.Parallelism;
import funnelcast.law.Law;
import funnelcast.model.Funnel;
import funnelcast.model.PushClock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The renewal equation {@code F(s,t) = sum_d p(s,d) integral f(s,d)(u) F(d,t-u) du} on a grid of
 * step h = 1/m working day, for any dwell. Rounding every dwell up to the grid delays every
 * deal, so the resulting {@code F} is a lower bound of the true one; rounding down (the mass of
 * ((j-1)h, jh] at (j-1)h) gives an upper bound. Both are computed exactly on the grid (they are
 * the win curves of two discrete-time funnels that bracket the real one), so the truth lies
 * between them and half their gap is a proven error bound of the midpoint that is reported.
 * A dwell that may be 0 makes the recursion implicit at lag 0; the lag-0 matrix is inverted
 * once ({@code I - A0} is invertible because every stage is absorbed).
 *
 * <p>Under a closing push ({@link PushClock}) a dwell that ends in a win runs on the push clock
 * L, so the chance of being won by t depends on when a stage was entered, not only on how long
 * ago. For each day t at or after the first push window the recursion is solved again with t
 * fixed: {@code V_t(s, k)}, the probability that a deal entering s at {@code t - kh} is won by
 * t, has the same form as F with each exit into won replaced by its dwell's cdf at
 * {@code L(t) - L(t - kh)} (and at {@code L(t) - L(t - (k+1)h)} in the upper scheme, as the
 * rounded-down dwells give without a push). L is increasing, so delaying a deal still never makes
 * it win sooner, and the two schemes still bracket the truth.
 */
final class RenewalGrid implements WinCurves {
    private final Funnel funnel;
    private final int horizon;
    private final int stepsPerDay;
    private final double h;
    private final int steps;
    /** The two bracketing schemes: index 0 rounds dwells up (lower), 1 rounds them down (upper). */
    private final double[][][] curve = new double[2][][];
    private final PushClock push;
    /** The first day whose wins feel the push (horizon + 1 without one). */
    private final int firstPushed;
    /** Under a push, {@code pushed[scheme][day - firstPushed]}: V_t with t = day, per stage. */
    private final double[][][][] pushed;
    /** The entry's inflow slices on the plain curves (the days before the push), each day a prefix of them. */
    private final Bounds[] plainSlices;

    /** The grid cdfs, shared with the other nodes of a month's mixture. */
    private final GridCdfs cdfs;

    RenewalGrid(Funnel funnel, int stepsPerDay, GridCdfs cdfs) {
        this.funnel = funnel;
        this.cdfs = cdfs;
        this.horizon = funnel.scenario().horizonDays();
        this.stepsPerDay = stepsPerDay;
        this.h = 1.0 / stepsPerDay;
        this.steps = horizon * stepsPerDay;
        this.push = funnel.push();
        this.firstPushed = push.isNone() ? horizon + 1
            : Math.max(1, Math.min(horizon + 1, (int) Math.floor(push.firstWindow()) + 1));
        this.pushed = new double[2][horizon + 1 - firstPushed][][];
        // the two schemes apart from each other, on the caller's parallelism
        Parallelism.current().map(List.of(0, 1), scheme -> {
            solveScheme(scheme);
            return scheme;
        });
        plainSlices = slices(curve[0][funnel.entry()], curve[1][funnel.entry()], Math.min(horizon, firstPushed - 1));
    }

    /** One scheme: its masses and lag-0 inverse serve its plain solve and every pushed day's. */
    private void solveScheme(int scheme) {
        double[][][] mass = stageMasses(scheme);
        RenewalSolver solver = RenewalSolver.of(funnel, mass, lagZeroInverse(mass));
        int[][] firstMass = new int[mass.length][];
        for (int s = 0; s < mass.length; s++) {
            firstMass[s] = new int[mass[s].length];
            for (int e = 0; e < mass[s].length; e++) {
                firstMass[s][e] = firstPositive(mass[s][e]);
            }
        }
        curve[scheme] = solve(scheme, mass, firstMass, solver, Double.NaN);
        for (int day = firstPushed; day <= horizon; day++) {
            pushed[scheme][day - firstPushed] = solve(scheme, mass, firstMass, solver, day);
        }
    }

    /** The win curves a day's wins come from: the plain ones, or those solved for that day under the push. */
    private double[][] curves(int scheme, int day) {
        return day >= firstPushed ? pushed[scheme][day - firstPushed] : curve[scheme];
    }

    /** Grid masses of a dwell law: P(D in ((j-1)h, jh]) placed at j (scheme 0) or j-1 (scheme 1). */
    private double[] masses(Law d, int scheme, double age) {
        return masses(gridCdf(d, age), scheme);
    }

    /** The dwell's cdf at the grid points (given the age), which both schemes' masses come from. */
    private double[] gridCdf(Law d, double age) {
        return cdfs.get(d, age, h, steps + 2, () -> computeGridCdf(d, age));
    }

    private double[] computeGridCdf(Law d, double age) {
        if (!(age > 0)) {
            return d.cdfs(0, h, steps + 2);
        }
        double survivalAtAge = d.survival(age);
        double[] cdf = d.survivals(age, h, steps + 2);
        for (int j = 0; j < cdf.length; j++) {
            cdf[j] = 1 - cdf[j] / survivalAtAge;
        }
        return cdf;
    }

    private double[] masses(double[] cdf, int scheme) {
        double[] m = new double[steps + 1];
        if (scheme == 0) {
            m[0] = cdf[0];
            for (int j = 1; j <= steps; j++) {
                m[j] = cdf[j] - cdf[j - 1];
            }
        } else {
            m[0] = cdf[1];
            for (int j = 1; j <= steps; j++) {
                m[j] = cdf[j + 1] - cdf[j];
            }
        }
        for (int j = 0; j <= steps; j++) {
            m[j] = Math.max(0, m[j]);
        }
        return m;
    }

    /** Each stage's exits' grid masses in one scheme, mass[s][e][j]. */
    private double[][][] stageMasses(int scheme) {
        int n = funnel.stageCount();
        double[][][] mass = new double[n][][];
        for (int s = 0; s < n; s++) {
            mass[s] = new double[funnel.exitCount(s)][];
            for (int e = 0; e < mass[s].length; e++) {
                mass[s][e] = masses(funnel.dwell(s, e), scheme, 0);
            }
        }
        return mass;
    }

    /** (I - A0)^-1, A0 the moves between open stages that take no time on the grid; null when there are none. */
    private double[][] lagZeroInverse(double[][][] mass) {
        int n = funnel.stageCount();
        double[][] lag0 = new double[n][n];
        boolean implicit = false;
        for (int s = 0; s < n; s++) {
            for (int e = 0; e < mass[s].length; e++) {
                int d = funnel.dest(s, e);
                if (d < n && mass[s][e][0] > 0) {
                    lag0[s][d] += funnel.prob(s, e) * mass[s][e][0];
                    implicit = true;
                }
            }
        }
        double[][] iMinusA0 = new double[n][n];
        for (int s = 0; s < n; s++) {
            for (int d = 0; d < n; d++) {
                iMinusA0[s][d] = (s == d ? 1 : 0) - lag0[s][d];
            }
        }
        return implicit ? new LUDecomposition(new Array2DRowRealMatrix(iMinusA0, false)).getSolver().getInverse().getData()
            : null;
    }

    /**
     * F[s][k], k = 0..steps, of one scheme; or, for a day t under the push, V_t[s][k] (the
     * probability that a deal entering s at {@code t - kh} is won by t) for k = 0..t/h. The exits
     * into won give the direct terms; the solver adds the moves between open stages.
     */
    private double[][] solve(int scheme, double[][][] mass, int[][] firstMass, RenewalSolver solver, double t) {
        boolean atDay = !Double.isNaN(t);
        int steps = atDay ? (int) Math.round(t * stepsPerDay) : this.steps;
        int n = funnel.stageCount();
        int won = funnel.won();
        double[][] direct = new double[n][steps + 1];
        for (int s = 0; s < n; s++) {
            for (int e = 0; e < mass[s].length; e++) {
                if (funnel.dest(s, e) == won) {
                    double p = funnel.prob(s, e);
                    double[] c = atDay ? pushedCdf(funnel.dwell(s, e), scheme, t, steps) : prefix(mass[s][e], steps);
                    for (int k = 0; k <= steps; k++) {
                        direct[s][k] += p * c[k];
                    }
                }
            }
        }
        return exactZeros(solver.solve(direct, steps), direct, firstMass);
    }

    /**
     * The solver's curves where the scheme's funnel gives exactly 0 or 1. Each scheme is a
     * discrete-time funnel: a deal entering s cannot be won before the shortest path to won over
     * each exit's first grid step of positive mass (the won exit's own first step of positive
     * {@code direct}), and there its curve is exactly 0; the transforms leave round-off of about
     * 1e-16 there, which a planner would read as a chance. Elsewhere round-off is clamped to [0, 1].
     */
    private double[][] exactZeros(double[][] curves, double[][] direct, int[][] firstMass) {
        int n = funnel.stageCount();
        int[] earliest = new int[n];
        for (int s = 0; s < n; s++) {
            earliest[s] = firstPositive(direct[s]);
        }
        // Bellman-Ford over the open stages: at most n - 1 rounds settle every shortest path
        for (int round = 0; round < n; round++) {
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                for (int e = 0; e < firstMass[s].length; e++) {
                    int d = funnel.dest(s, e);
                    if (d < n && funnel.prob(s, e) > 0 && earliest[d] != Integer.MAX_VALUE) {
                        int first = firstMass[s][e];
                        if (first != Integer.MAX_VALUE && first + earliest[d] < earliest[s]) {
                            earliest[s] = first + earliest[d];
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int s = 0; s < n; s++) {
            double[] f = curves[s];
            for (int k = 0; k < f.length; k++) {
                f[k] = k < earliest[s] ? 0 : Math.min(1, Math.max(0, f[k]));
            }
        }
        return curves;
    }

    /** The first index holding a positive value; {@link Integer#MAX_VALUE} when none does. */
    private static int firstPositive(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] > 0) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** P(a grid dwell <= k steps), k = 0..steps: the masses' running sum. */
    private static double[] prefix(double[] m, int steps) {
        double[] c = new double[steps + 1];
        double sum = 0;
        for (int j = 0; j <= steps; j++) {
            sum += m[j];
            c[j] = Math.min(1, sum);
        }
        return c;
    }

    /** Under the push, for the day t: the won exit's dwell cdf at L(t) - L(t - (k + scheme) h), k = 0..steps. */
    private double[] pushedCdf(Law dwell, int scheme, double t, int steps) {
        double[] c = new double[steps + 1];
        double end = push.at(t);
        for (int k = 0; k <= steps; k++) {
            c[k] = dwell.cdf(end - push.at(t - (k + scheme) * h));
        }
        return c;
    }

    @Override
    public Bounds inflowIntegral(int day) {
        // Each scheme's win curve is a step function on the grid: its integral is a plain sum.
        int entry = funnel.entry();
        int k = day * stepsPerDay;
        double lower = 0;
        double upper = 0;
        double[] low = curves(0, day)[entry];
        double[] high = curves(1, day)[entry];
        for (int i = 0; i < k; i++) {
            lower += low[i];
            upper += high[i];
        }
        return new Bounds(lower * h, Math.max(lower, upper) * h);
    }

    @Override
    public Bounds[] inflowSlices(int day) {
        if (day < firstPushed) {
            return Arrays.copyOf(plainSlices, day);
        }
        return slices(curves(0, day)[funnel.entry()], curves(1, day)[funnel.entry()], day);
    }

    /** The integral of each scheme's curve over each of the first {@code days} days of age. */
    private Bounds[] slices(double[] low, double[] high, int day) {
        Bounds[] slices = new Bounds[day];
        for (int j = 0; j < day; j++) {
            double lower = 0;
            double upper = 0;
            for (int i = j * stepsPerDay; i < (j + 1) * stepsPerDay; i++) {
                lower += low[i];
                upper += high[i];
            }
            slices[j] = new Bounds(lower * h, Math.max(lower, upper) * h);
        }
        return slices;
    }

    @Override
    public Bounds[] dealWins(int stage, double age) {
        int n = funnel.stageCount();
        int won = funnel.won();
        int exits = funnel.exitCount(stage);
        double[] weights = funnel.agedExitWeights(stage, age);
        double[][] byScheme = new double[2][horizon];
        // An exit to lost adds no win: its dwell is not evaluated. Both schemes share one grid cdf per exit.
        double[][] cdf = new double[exits][];
        for (int e = 0; e < exits; e++) {
            if (weights[e] > 0 && funnel.dest(stage, e) != funnel.lost()) {
                cdf[e] = gridCdf(funnel.dwell(stage, e), age);
            }
        }
        for (int scheme = 0; scheme < 2; scheme++) {
            for (int e = 0; e < exits; e++) {
                if (weights[e] <= 0) {
                    continue;
                }
                double w = weights[e];
                int d = funnel.dest(stage, e);
                if (d == funnel.lost()) {
                    continue;
                }
                double[] m = masses(cdf[e], scheme);
                for (int day = 1; day <= horizon; day++) {
                    int k = day * stepsPerDay;
                    double p = 0;
                    if (d == won && day >= firstPushed) {
                        // the residual dwell on the push clock, from time 0 (L(-h) = -h in the upper scheme)
                        Law dw = funnel.dwell(stage, e);
                        double span = push.at(day) + scheme * h;
                        p = age > 0 ? 1 - dw.survival(age + span) / dw.survival(age) : dw.cdf(span);
                    } else if (d == won) {
                        for (int j = 0; j <= k; j++) {
                            p += m[j];
                        }
                    } else if (d < n) {
                        double[] f = curves(scheme, day)[d];
                        for (int j = 0; j <= k; j++) {
                            p += m[j] * f[k - j];
                        }
                    }
                    byScheme[scheme][day - 1] += w * Math.min(1, p);
                }
            }
        }
        Bounds[] result = new Bounds[horizon];
        for (int d = 0; d < horizon; d++) {
            double lo = Math.min(1, byScheme[0][d]);
            result[d] = new Bounds(lo, Math.max(lo, Math.min(1, byScheme[1][d])));
        }
        return result;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT,
            "renewal equation on a grid of %d steps per working day, bracketed by dwells rounded up and down",
            stepsPerDay);
    }
}
