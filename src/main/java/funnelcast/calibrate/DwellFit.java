package funnelcast.calibrate;

import funnelcast.InputException;
import funnelcast.law.Law;
import funnelcast.law.Family;
import funnelcast.law.WeightedValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * A dwell distribution fitted by maximum likelihood to a stage's visits: completed dwells by
 * their density (or, for day-resolution times, the probability of their interval), visits still
 * open by their survival at their age. The parameters are fitted on the log scale; their 90%
 * intervals come from the observed information (the inverse Hessian of the log-likelihood).
 */
public record DwellFit(String family, Law law, double logLikelihood, int parameters, double aic,
                       String[] parameterNames, double[] estimates, double[] lower, double[] upper,
                       double kmDistance) {
    static final double Z90 = 1.6448536269514722;

    /** The families fitted to dwells: those with a density. */
    public static final List<String> FAMILIES = List.of(Family.EXPONENTIAL.id(), Family.LOGNORMAL.id(), Family.GAMMA.id(),
        Family.WEIBULL.id());

    /** Builds the law from log-scale parameters. */
    static Law law(String family, double[] theta) {
        double[] p = new double[theta.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(theta[i]);
        }
        return Family.named(family).of(p);
    }

    static String[] names(String family) {
        return Family.named(family).parameters().toArray(String[]::new);
    }

    /**
     * Each term is floored at log(1e-300): an observation the law calls impossible costs a lot
     * but finitely, so the optimiser sees a slope instead of a plateau of -infinity.
     */
    static final double FLOOR = Math.log(1e-300);

    /**
     * A stage's visits with each one's place among the distinct (kind, lo, hi) values, found once
     * (in the order first seen): every family's fit and every EM step then sums its weights by
     * that index instead of hashing the visits again. The positive dwells known exactly (timestamps,
     * not days) go to a likelihood through their sums ({@link WeightedValues}), their logs taken
     * once here; the sums for one set of weights are kept for the next fit that asks with the same
     * ones (the four families of a fit, an EM's exit from step to step, where only the open visits'
     * weights move).
     */
    static final class Sample {
        private final Visits obs;
        private final int[] slot;
        /** The distinct (kind, lo, hi) keys, as columns. */
        private final Observation.Kind[] keyKind;
        private final double[] keyLo;
        private final double[] keyHi;
        /** Each visit's time and its log for the starting values, taken once: every fit of the stage starts from them. */
        private final double[] startTimes;
        private final double[] startLogs;
        /** The keys summed, in key order, and their values' logs. */
        private final int[] summed;
        private final double[] summedLogs;
        /** The open visits' keys by ascending age, when there are enough of them to go to a law at once ({@link #BULK}). */
        private final int[] openByAge;
        /** Recent sums by the summed keys' weights they were made from, the newest last. */
        private final List<Map.Entry<double[], WeightedValues>> recent = new ArrayList<>();

        private Sample(Visits obs, int[] slot, Observation.Kind[] keyKind, double[] keyLo, double[] keyHi) {
            this.obs = obs;
            this.slot = slot;
            this.keyKind = keyKind;
            this.keyLo = keyLo;
            this.keyHi = keyHi;
            startTimes = new double[obs.size()];
            startLogs = new double[obs.size()];
            for (int i = 0; i < startTimes.length; i++) {
                startTimes[i] = obs.completed(i) ? Math.max(obs.time(i), 1e-3) : Double.NaN;
                startLogs[i] = Math.log(startTimes[i]);
            }
            int count = 0;
            for (int u = 0; u < keyKind.length; u++) {
                count += isSummed(keyKind[u], keyLo[u]) ? 1 : 0;
            }
            summed = new int[count];
            summedLogs = new double[count];
            int e = 0;
            for (int u = 0; u < keyKind.length; u++) {
                if (isSummed(keyKind[u], keyLo[u])) {
                    summed[e] = u;
                    summedLogs[e++] = Math.log(keyLo[u]);
                }
            }
            int open = 0;
            for (Observation.Kind k : keyKind) {
                open += k == Observation.Kind.CENSORED ? 1 : 0;
            }
            openByAge = open < BULK ? new int[0] : IntStream.range(0, keyKind.length)
                .filter(u -> keyKind[u] == Observation.Kind.CENSORED).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> keyLo[u])).mapToInt(Integer::intValue).toArray();
        }

        static Sample of(List<Observation> obs) {
            // an open-addressing table of key indices over (kind, lo, hi) by their bits: the record's equality
            int n = obs.size();
            int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
            int mask = capacity - 1;
            int[] table = new int[capacity];
            Arrays.fill(table, -1);
            int[] slot = new int[n];
            Observation.Kind[] keyKind = new Observation.Kind[n];
            double[] keyLo = new double[n];
            double[] keyHi = new double[n];
            int keys = 0;
            Visits v = Visits.of(obs);
            for (int i = 0; i < n; i++) {
                Observation.Kind kind = v.kind(i);
                long lo = Double.doubleToLongBits(v.lo(i));
                long hi = Double.doubleToLongBits(v.hi(i));
                long h = (lo * 0x9E3779B97F4A7C15L) ^ (hi * 0xC2B2AE3D27D4EB4FL) ^ kind.ordinal();
                int at = (int) (h ^ (h >>> 29) ^ (h >>> 41)) & mask;
                while (true) {
                    int k = table[at];
                    if (k < 0) {
                        table[at] = keys;
                        slot[i] = keys;
                        keyKind[keys] = kind;
                        keyLo[keys] = v.lo(i);
                        keyHi[keys++] = v.hi(i);
                        break;
                    }
                    if (keyKind[k] == kind && Double.doubleToLongBits(keyLo[k]) == lo
                        && Double.doubleToLongBits(keyHi[k]) == hi) {
                        slot[i] = k;
                        break;
                    }
                    at = (at + 1) & mask;
                }
            }
            return new Sample(v, slot, Arrays.copyOf(keyKind, keys), Arrays.copyOf(keyLo, keys), Arrays.copyOf(keyHi, keys));
        }

        Visits obs() {
            return obs;
        }

        /** Each completed visit's time for the starting values, at least 1e-3 (NaN for an open visit). */
        double[] startTimes() {
            return startTimes;
        }

        /** Their logs. */
        double[] startLogs() {
            return startLogs;
        }

        /** The exactly known dwells with their weights ({@code w}, by key), those of weight 0 left out. */
        WeightedValues summed(double[] w) {
            synchronized (recent) {
                for (Map.Entry<double[], WeightedValues> r : recent) {
                    if (sameWeights(r.getKey(), w)) {
                        return r.getValue();
                    }
                }
            }
            double[] byKey = new double[summed.length];
            int nonzero = 0;
            for (int e = 0; e < summed.length; e++) {
                byKey[e] = w[summed[e]];
                nonzero += byKey[e] != 0 ? 1 : 0;
            }
            double[] x = new double[nonzero];
            double[] xw = new double[nonzero];
            double[] logs = new double[nonzero];
            int k = 0;
            for (int e = 0; e < summed.length; e++) {
                if (byKey[e] != 0) {
                    x[k] = keyLo[summed[e]];
                    xw[k] = byKey[e];
                    logs[k++] = summedLogs[e];
                }
            }
            WeightedValues values = WeightedValues.of(x, xw, logs);
            synchronized (recent) {
                if (recent.size() == RECENT) {
                    recent.remove(0);
                }
                recent.add(Map.entry(byKey, values));
            }
            return values;
        }

        /** Whether the summed keys' weights in {@code w} are those kept, bit for bit (as Arrays.equals has it). */
        private boolean sameWeights(double[] kept, double[] w) {
            for (int e = 0; e < summed.length; e++) {
                if (Double.doubleToLongBits(kept[e]) != Double.doubleToLongBits(w[summed[e]])) {
                    return false;
                }
            }
            return true;
        }

        /** Sums kept for reuse: enough for every exit of an EM and the pooled fit. */
        private static final int RECENT = 8;
    }

    /**
     * Distinct open ages from which a likelihood asks their survivals of the law all at once,
     * in ascending order (a gamma then steps from one to the next, {@code Gamma.survivals}):
     * a simulated history's thousands of open visits, each of its own age. The shared CRM
     * exports' ages, whole days, are a few hundred and are asked one by one.
     */
    static final int BULK = 256;

    /** The positive dwells known exactly (timestamps, not days): a likelihood takes them through their sums. */
    private static boolean isSummed(Observation.Kind kind, double lo) {
        return kind == Observation.Kind.EXACT && lo > 0 && lo < Double.POSITIVE_INFINITY;
    }

    /**
     * The observations with their weights summed over identical ones. Dwells known to the day,
     * and the ages of open visits at a day's end, take few distinct values, so a likelihood
     * evaluated over them costs a small fraction of one over every visit (a few hundred distinct
     * values against thousands of visits in the shared CRM data), with the same value up to
     * the order of summation.
     */
    record Distinct(Observation.Kind[] kind, double[] lo, double[] hi, double[] weight, WeightedValues exact,
                    double[] openAges, double[] openWeights) {
        static Distinct of(Sample sample, double[] weights) {
            Observation.Kind[] keyKind = sample.keyKind;
            double[] keyLo = sample.keyLo;
            double[] keyHi = sample.keyHi;
            int[] slot = sample.slot;
            double[] w = new double[keyKind.length];
            for (int i = 0; i < slot.length; i++) {
                w[slot[i]] += weights == null ? 1 : weights[i];
            }
            // the open visits in bulk, by age, when they are many
            int[] byAge = sample.openByAge;
            int open = 0;
            for (int u : byAge) {
                open += w[u] != 0 ? 1 : 0;
            }
            double[] openAges = new double[open];
            double[] openWeights = new double[open];
            int a = 0;
            for (int u : byAge) {
                if (w[u] != 0) {
                    openAges[a] = keyLo[u];
                    openWeights[a++] = w[u];
                }
            }
            boolean bulk = byAge.length > 0;
            // the positive dwells known exactly go to the sums; the rest stay value by value
            int rest = 0;
            for (int u = 0; u < keyKind.length; u++) {
                rest += stays(keyKind[u], keyLo[u], bulk) && w[u] != 0 ? 1 : 0;
            }
            Observation.Kind[] kind = new Observation.Kind[rest];
            double[] lo = new double[rest];
            double[] hi = new double[rest];
            double[] weight = new double[rest];
            int r = 0;
            for (int u = 0; u < keyKind.length; u++) {
                if (stays(keyKind[u], keyLo[u], bulk) && w[u] != 0) {
                    kind[r] = keyKind[u];
                    lo[r] = keyLo[u];
                    hi[r] = keyHi[u];
                    weight[r++] = w[u];
                }
            }
            return new Distinct(kind, lo, hi, weight, sample.summed(w), openAges, openWeights);
        }

        /** Whether a key is summed value by value: not one of the exact dwells' sums, nor an open visit asked in bulk. */
        private static boolean stays(Observation.Kind kind, double lo, boolean bulk) {
            return !isSummed(kind, lo) && !(bulk && kind == Observation.Kind.CENSORED);
        }

        /** How many distinct completed dwells carry weight. */
        int completedValues() {
            int count = 0;
            for (int u = 0; u < weight.length; u++) {
                count += weight[u] > 0 && kind[u] != Observation.Kind.CENSORED ? 1 : 0;
            }
            for (double w : exact.weights()) {
                count += w > 0 ? 1 : 0;
            }
            return count;
        }

        /**
         * The exactly known dwells through their sums where the family has a closed form (a
         * likelihood over a simulated history's timestamps, all distinct, costs about the same
         * as over ten of them), the rest value by value.
         */
        double logLikelihood(Law dwell) {
            Law.Evaluation law = dwell.evaluation(); // the family's maths built once for every point
            double ll = law.logLikelihood(exact, FLOOR);
            for (int u = 0; u < weight.length; u++) { // each weight non-zero: those of weight 0 are left out
                double term = switch (kind[u]) {
                    case EXACT -> law.logDensity(lo[u]);
                    case INTERVAL -> Math.log(law.survival(lo[u]) - law.survival(hi[u]));
                    case CENSORED -> Math.log(law.survival(lo[u]));
                };
                ll += weight[u] * (term > FLOOR ? term : FLOOR);
            }
            return openAges.length == 0 ? ll : ll + law.logSurvivals(openAges, openWeights, FLOOR);
        }
    }

    /** Fits one family; {@code null} where the data cannot support it. */
    public static DwellFit fit(String family, List<Observation> obs, KaplanMeier km) {
        return fit(family, Sample.of(obs), null, km);
    }

    /** Fits one family with a weight per observation (the EM's expected memberships), or null weights for all 1. */
    static DwellFit fit(String family, Sample obs, double[] weights, KaplanMeier km) {
        return fit(family, obs, weights, km, start(family, obs, weights), true);
    }

    /** Refits from a previous fit's parameters (an EM step moves them little): one local search. */
    static DwellFit refit(DwellFit previous, Sample obs, double[] weights) {
        double[] theta = new double[previous.estimates().length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(previous.estimates()[i]);
        }
        return fit(previous.family(), obs, weights, null, theta, false);
    }

    private static DwellFit fit(String family, Sample obs, double[] weights, KaplanMeier km, double[] start,
                                boolean search) {
        Distinct sample = Distinct.of(obs, weights);
        int completedValues = sample.completedValues();
        if (start.length > 1 && completedValues < 2) {
            return null; // one dwell seen (or none): a two-parameter law's likelihood has no maximum
        }
        MultivariateFunction negLl = theta -> {
            try {
                double ll = sample.logLikelihood(law(family, theta));
                return Double.isFinite(ll) ? -ll : 1e300;
            } catch (IllegalArgumentException | InputException e) { // parameters outside the family's range
                return 1e300;
            }
        };
        double[] best;
        if (start.length == 1) {
            best = minimize1d(negLl, start[0]);
        } else {
            best = minimizeNd(negLl, start, search, search && completedValues < ONE_PEAK);
        }
        double ll = -negLl.value(best);
        if (!Double.isFinite(ll) || ll < -1e299) {
            return null;
        }
        double[] se = standardErrors(negLl, best);
        String[] names = names(family);
        double[] est = new double[best.length];
        double[] lo = new double[best.length];
        double[] hi = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            // lognormal's median is e^mu: its log-scale parameter is mu itself
            est[i] = Math.exp(best[i]);
            lo[i] = Math.exp(best[i] - Z90 * se[i]);
            hi[i] = Math.exp(best[i] + Z90 * se[i]);
        }
        Law law = law(family, best);
        return new DwellFit(family, law, ll, best.length, 2 * best.length - 2 * ll, names, est, lo, hi,
            km == null ? Double.NaN : km.distanceTo(law.evaluation()::survival)); // the law built once, not per step
    }

    /**
     * Nelder-Mead from the moment estimates and, with {@code around}, from four points around
     * them, each restarted from its optimum until it stops improving; the best wins. Likelihoods
     * of censored and interval data have long flat valleys where a single run stalls.
     */
    private static double[] minimizeNd(MultivariateFunction f, double[] start, boolean search, boolean around) {
        SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-12));
        double[][] starts = around ? new double[][] {start, {start[0] + 1, start[1]}, {start[0] - 1, start[1]},
            {start[0], start[1] + 1}, {start[0], start[1] - 1}} : new double[][] {start};
        double[] best = start;
        double bestValue = f.value(start);
        for (double[] s : starts) {
            Lowest lowest = new Lowest(f);
            double[] x = s;
            double value = f.value(x);
            // An EM step's refit starts next to its optimum: one restart is enough to confirm it.
            for (int round = 0; round < (search ? 8 : 2); round++) {
                double step = round == 0 && search ? 0.5 : 0.05;
                PointValuePair p;
                try {
                    p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(lowest), GoalType.MINIMIZE,
                        new InitialGuess(x), new NelderMeadSimplex(new double[] {step, step}));
                } catch (TooManyEvaluationsException e) {
                    // a valley that never flattens to the tolerance: the lowest point seen is the answer
                    p = new PointValuePair(lowest.point, lowest.value);
                }
                boolean improved = p.getValue() < value - 1e-9 * Math.max(1, Math.abs(value));
                x = p.getPoint();
                value = p.getValue();
                if (!improved && round > 0) {
                    break;
                }
            }
            if (value < bestValue) {
                bestValue = value;
                best = x;
            }
        }
        return best;
    }

    /**
     * Distinct completed dwells from which a likelihood has one sharp peak, and the moment
     * estimates lie next to it: the four starts around them, there for the flat valleys of small
     * censored samples, are left out (a simulated million-event history's stages hold 58,000 to
     * 253,000 distinct timestamped dwells, every start of each family reaching the same optimum;
     * the shared CRM exports, their dates known to the day, hold a few hundred).
     */
    static final int ONE_PEAK = 20_000;

    /** Evaluations allowed to one Nelder-Mead run. */
    static final int MAX_EVALUATIONS = 20_000;

    /** The objective, remembering the lowest point it was asked about. */
    private static final class Lowest implements MultivariateFunction {
        private final MultivariateFunction f;
        private double[] point;
        private double value = Double.POSITIVE_INFINITY;

        Lowest(MultivariateFunction f) {
            this.f = f;
        }

        @Override
        public double value(double[] x) {
            double v = f.value(x);
            if (v < value) {
                value = v;
                point = x.clone();
            }
            return v;
        }
    }

    /** Brent's method (Commons Math) on the log mean, over a generous interval around the start. */
    private static double[] minimize1d(MultivariateFunction f, double start) {
        UnivariatePointValuePair best = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(10_000),
            new UnivariateObjectiveFunction(x -> f.value(new double[] {x})), GoalType.MINIMIZE,
            new SearchInterval(start - 8, start + 8, start));
        return new double[] {best.getPoint()};
    }

    /** Method-of-moments starting values from the completed visits. */
    private static double[] start(String family, Sample sample, double[] weights) {
        List<Observation> obs = sample.obs;
        double[] times = sample.startTimes();
        double[] logs = sample.startLogs();
        double sum = 0;
        double sumSq = 0;
        double sumLog = 0;
        double sumLogSq = 0;
        double n = 0;
        for (int i = 0; i < times.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w > 0 && !Double.isNaN(times[i])) {
                double x = times[i];
                sum += w * x;
                sumSq += w * x * x;
                sumLog += w * logs[i];
                sumLogSq += w * logs[i] * logs[i];
                n += w;
            }
        }
        if (n == 0) {
            // only open visits: start from their mean age
            for (Observation o : obs) {
                sum += Math.max(o.lo(), 1e-3);
                n++;
            }
            sumSq = sum * sum / n * 2;
            sumLog = n * Math.log(sum / n);
        }
        double mean = sum / n;
        double var = Math.max(sumSq / n - mean * mean, 1e-6 * mean * mean + 1e-9);
        double logMean = sumLog / n;
        double logVar = Math.max(sumLogSq / n - logMean * logMean, 1e-4);
        return switch (family) {
            case "exponential" -> new double[] {Math.log(mean)};
            case "lognormal" -> new double[] {logMean, 0.5 * Math.log(logVar)};
            case "gamma" -> new double[] {Math.log(mean * mean / var), Math.log(var / mean)};
            default -> new double[] {Math.log(Math.max(0.2, Math.min(5, mean / Math.sqrt(var)))), Math.log(mean)};
        };
    }

    /** Square roots of the diagonal of the inverse of a central-difference Hessian. */
    private static double[] standardErrors(MultivariateFunction f, double[] x) {
        int k = x.length;
        double h = 1e-4;
        double[][] hess = new double[k][k];
        double f0 = f.value(x);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double v;
                if (i == j) {
                    v = (f.value(shift(x, i, h, i, 0)) - 2 * f0 + f.value(shift(x, i, -h, i, 0))) / (h * h);
                } else {
                    v = (f.value(shift(x, i, h, j, h)) - f.value(shift(x, i, h, j, -h))
                        - f.value(shift(x, i, -h, j, h)) + f.value(shift(x, i, -h, j, -h))) / (4 * h * h);
                }
                hess[i][j] = v;
                hess[j][i] = v;
            }
        }
        double[] se = new double[k];
        try {
            RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(hess)).getSolver().getInverse();
            for (int i = 0; i < k; i++) {
                double v = inv.getEntry(i, i);
                // Not positive: the point is no proper maximum; say so rather than print a zero-width interval.
                se[i] = v > 0 ? Math.sqrt(v) : Double.NaN;
            }
        } catch (RuntimeException singular) {
            Arrays.fill(se, Double.NaN);
        }
        return se;
    }

    private static double[] shift(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        y[j] += dj;
        return y;
    }
}
