package funnelcast.law;

/**
 * Positive values observed exactly, each with a weight, and the weighted sums a closed-form log
 * likelihood needs: the total weight, the sum of the values, the sum of their logs and the sum of
 * squares of the logs about their weighted mean (centred, so that a narrow spread keeps its
 * digits), asked about any centre ({@link #logSquaresAbout}); {@link #powerSum} for a family whose
 * likelihood needs a power of each value. A likelihood evaluated from the sums costs the same for ten values as for a million.
 */
public final class WeightedValues {
    private final double[] values;
    private final double[] weights;
    private final double[] logs;
    private final double count;
    private final double sum;
    private final double sumLog;
    private final double centredLogSquares;
    /** Built on the first {@link #powerSum}: only the Weibull asks. */
    private volatile LogMoments moments;

    private WeightedValues(double[] values, double[] weights, double[] logs) {
        this.values = values;
        this.weights = weights;
        this.logs = logs;
        double n = 0;
        double s = 0;
        double sl = 0;
        for (int i = 0; i < values.length; i++) {
            n += weights[i];
            s += weights[i] * values[i];
            sl += weights[i] * logs[i];
        }
        double meanLog = n > 0 ? sl / n : 0;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double d = logs[i] - meanLog;
            squares += weights[i] * d * d;
        }
        this.count = n;
        this.sum = s;
        this.sumLog = sl;
        this.centredLogSquares = squares;
    }

    /** The values (each positive and finite) with their weights (each at least 0). */
    public static WeightedValues of(double[] values, double[] weights) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return new WeightedValues(values, weights, logs);
    }

    /** The same with each value's log already known ({@code logs[i]} is {@code log(values[i])}). */
    public static WeightedValues of(double[] values, double[] weights, double[] logs) {
        return new WeightedValues(values, weights, logs);
    }

    public double[] values() {
        return values;
    }

    public double[] weights() {
        return weights;
    }

    /** The total weight. */
    public double count() {
        return count;
    }

    /** The weighted sum of the values. */
    public double sum() {
        return sum;
    }

    /** The weighted sum of the values' logs. */
    public double sumLog() {
        return sumLog;
    }

    /** The weighted sum of squares of the logs about {@code centre}. */
    public double logSquaresAbout(double centre) {
        double meanLog = count > 0 ? sumLog / count : 0;
        double shift = meanLog - centre;
        return centredLogSquares + count * shift * shift;
    }

    /**
     * {@code sum_i w_i exp(k (log x_i - centre))}, the weighted sum of {@code (x_i / e^centre)^k}:
     * from the logs' binned moments ({@link LogMoments}) when {@code k} is within their reach and
     * the sample is large, in a few hundred operations whatever its size; else value by value.
     */
    public double powerSum(double k, double centre) {
        if (values.length >= LogMoments.WORTH_IT && k > 0 && k <= LogMoments.REACH) {
            LogMoments m = moments;
            if (m == null) {
                m = LogMoments.of(logs, weights);
                moments = m;
            }
            return m.powerSum(k, centre);
        }
        double total = 0;
        for (int i = 0; i < logs.length; i++) {
            if (weights[i] != 0) {
                total += weights[i] * Math.exp(k * (logs[i] - centre));
            }
        }
        return total;
    }
}
