package funnelcast.law;

/**
 * Weighted values' logs gathered into bins of width {@link #WIDTH}, each bin keeping the
 * weighted moments of its logs about its centre, {@code m_j = sum w d^j / j!} for {@code j <=}
 * {@link #ORDER}: then {@code sum w e^(k l) = sum over bins of e^(k c) sum_j k^j m_j}, since
 * {@code e^(k d)} is that series in each value's offset {@code d} from its bin's centre {@code c}.
 * Cut after the order, the series errs by less than {@code (k W / 2)^(ORDER+1) / (ORDER+1)! e^(k W)}
 * relative to the bin's own sum, below 1e-18 for {@code k <=} {@link #REACH}: a sum over a million
 * timestamped dwells at a Weibull's shape costs a few hundred exponentials, the same to the last
 * digits or so as the sum value by value.
 */
final class LogMoments {
    /** A bin's width on the log scale. */
    static final double WIDTH = 1.0 / 16;
    /** The highest moment kept. */
    static final int ORDER = 14;
    /** The largest power the series answers to 1e-18 relative (at 12: (0.375)^15 / 15! e^0.75 < 1e-18). */
    static final double REACH = 12;
    /** Values below this many are summed one by one: the bins would cost about as much. */
    static final int WORTH_IT = 1024;

    private final double[] centres;
    private final double[] moments;

    private LogMoments(double[] centres, double[] moments) {
        this.centres = centres;
        this.moments = moments;
    }

    static LogMoments of(double[] logs, double[] weights) {
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int i = 0; i < logs.length; i++) {
            if (weights[i] != 0) {
                long b = (long) Math.floor(logs[i] / WIDTH);
                lowest = Math.min(lowest, b);
                highest = Math.max(highest, b);
            }
        }
        if (lowest > highest) {
            return new LogMoments(new double[0], new double[0]);
        }
        int span = Math.toIntExact(highest - lowest + 1);
        int terms = ORDER + 1;
        double[] dense = new double[span * terms];
        boolean[] used = new boolean[span];
        for (int i = 0; i < logs.length; i++) {
            double w = weights[i];
            if (w == 0) {
                continue;
            }
            long b = (long) Math.floor(logs[i] / WIDTH);
            int slot = (int) (b - lowest);
            double d = logs[i] - (b + 0.5) * WIDTH;
            int at = slot * terms;
            double p = w;
            dense[at] += p;
            for (int j = 1; j < terms; j++) {
                p *= d / j;
                dense[at + j] += p;
            }
            used[slot] = true;
        }
        int bins = 0;
        for (boolean u : used) {
            bins += u ? 1 : 0;
        }
        double[] centres = new double[bins];
        double[] moments = new double[bins * terms];
        int k = 0;
        for (int slot = 0; slot < span; slot++) {
            if (used[slot]) {
                centres[k] = (lowest + slot + 0.5) * WIDTH;
                System.arraycopy(dense, slot * terms, moments, k * terms, terms);
                k++;
            }
        }
        return new LogMoments(centres, moments);
    }

    /** {@code sum w e^(k (l - centre))} over the values, for {@code 0 < k <=} {@link #REACH}. */
    double powerSum(double k, double centre) {
        int terms = ORDER + 1;
        double total = 0;
        for (int b = 0; b < centres.length; b++) {
            int at = b * terms;
            double p = moments[at + ORDER];
            for (int j = ORDER - 1; j >= 0; j--) {
                p = p * k + moments[at + j];
            }
            total += Math.exp(k * (centres[b] - centre)) * p;
        }
        return total;
    }
}
