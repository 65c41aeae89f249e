package funnelcast.law;

/**
 * Positive values observed exactly, each with a weight, and the weighted sums a closed-form log
 * likelihood needs: the total weight, the sum of the values, the sum of their logs and the sum of
 * squares of the logs about their weighted mean (centred, so that a narrow spread keeps its
 * digits); the logs themselves for a family whose likelihood needs a power of each value. A likelihood evaluated from the sums costs the same for ten values as for a million.
 */
public record WeightedValues(double[] values, double[] weights, double[] logs, double count, double sum, double sumLog,
                             double centredLogSquares) {
    /** The values (each positive and finite) with their weights (each at least 0). */
    public static WeightedValues of(double[] values, double[] weights) {
        double count = 0;
        double sum = 0;
        double sumLog = 0;
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
            count += weights[i];
            sum += weights[i] * values[i];
            sumLog += weights[i] * logs[i];
        }
        double meanLog = count > 0 ? sumLog / count : 0;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double d = logs[i] - meanLog;
            squares += weights[i] * d * d;
        }
        return new WeightedValues(values, weights, logs, count, sum, sumLog, squares);
    }

    /** The weighted sum of squares of the logs about {@code centre}. */
    public double logSquaresAbout(double centre) {
        double meanLog = count > 0 ? sumLog / count : 0;
        double shift = meanLog - centre;
        return centredLogSquares + count * shift * shift;
    }
}
