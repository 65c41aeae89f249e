package funnelcast.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How this horizon differs from an average one, and how much it may swing: the month effects.
 *
 * <p>The inflow rate of the whole horizon is multiplied by {@code G}, a Gamma variable with mean
 * {@code inflowFactor} and coefficient of variation {@code inflowCv} (a fixed factor when the cv
 * is 0). Every exit a deal takes inside the horizon has its advance exit's odds multiplied by
 * {@code exp(E)}, with {@code E} normal of mean {@code conversionShift} and standard deviation
 * {@code conversionSd}: the advance exit's probability {@code p} becomes
 * {@code p e^E / (p e^E + 1 - p)} and the stage's other exits share the rest in their old
 * proportions. Only exits taken inside the horizon can make its wins, so shifting the exit
 * probabilities for the whole horizon is the same as shifting those of the deals that move in
 * it. {@code G} and {@code E} are drawn once per horizon and are independent. The month's
 * {@code pace} (fixed) makes every dwell time spent inside the horizon run that many times faster:
 * what remains of a visit at the horizon's start, and every later visit, takes its usual time
 * divided by the pace (a change of clock, so eventual win probabilities do not move). The
 * {@code push} speeds up the dwells that end in a win in the last working days of a month or
 * quarter ({@link ClosingPush}), on top of the pace. {@link #NONE} leaves a scenario exactly as it was.
 */
public record MonthEffects(double inflowFactor, double inflowCv, double conversionShift, double conversionSd,
                           double pace, ClosingPush push) {
    public static final MonthEffects NONE = new MonthEffects(1, 0, 0, 0, 1, ClosingPush.NONE);

    /** Month effects at the usual pace, without a closing push. */
    public MonthEffects(double inflowFactor, double inflowCv, double conversionShift, double conversionSd) {
        this(inflowFactor, inflowCv, conversionShift, conversionSd, 1);
    }

    /** Month effects without a closing push. */
    public MonthEffects(double inflowFactor, double inflowCv, double conversionShift, double conversionSd,
                        double pace) {
        this(inflowFactor, inflowCv, conversionShift, conversionSd, pace, ClosingPush.NONE);
    }

    public MonthEffects withPush(ClosingPush p) {
        return new MonthEffects(inflowFactor, inflowCv, conversionShift, conversionSd, pace, p);
    }

    public MonthEffects {
        Objects.requireNonNull(push, "push");
        if (push.isNone()) {
            push = ClosingPush.NONE; // one value for "no push", so NONE compares equal
        }
        if (!(pace >= MIN_PACE && pace <= MAX_PACE)) {
            throw new IllegalArgumentException("pace must lie in [" + MIN_PACE + ", " + MAX_PACE + "], got " + pace);
        }
        if (!(inflowFactor >= 0 && inflowFactor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("inflow factor must be a finite number >= 0, got " + inflowFactor);
        }
        if (!(inflowCv >= 0 && inflowCv <= MAX_CV)) {
            throw new IllegalArgumentException("inflow cv must lie in [0, " + MAX_CV + "], got " + inflowCv);
        }
        if (!(Math.abs(conversionShift) <= MAX_SHIFT)) {
            throw new IllegalArgumentException("conversion shift must lie in [-" + MAX_SHIFT + ", " + MAX_SHIFT
                + "], got " + conversionShift);
        }
        if (!(conversionSd >= 0 && conversionSd <= MAX_SD)) {
            throw new IllegalArgumentException("conversion sd must lie in [0, " + MAX_SD + "], got " + conversionSd);
        }
    }

    /** The slowest and fastest pace: a month at a tenth or ten times the usual speed. */
    public static final double MIN_PACE = 0.1;
    public static final double MAX_PACE = 10;
    /** The largest coefficient of variation of the inflow factor (a Gamma of shape 1/cv^2 = 0.04). */
    public static final double MAX_CV = 5;
    /** The largest mean shift of the advance log-odds: odds 150 000 times higher or lower. */
    public static final double MAX_SHIFT = 12;
    /** The largest spread of the advance log-odds shift. */
    public static final double MAX_SD = 5;

    /** The effects in a few words: "inflow x1.10 cv 0.30, conversion +0.20 sd 0.50, pace 1.00", or "none". */
    public String describe() {
        if (isNone()) {
            return "none";
        }
        return String.format(Locale.ROOT, "inflow x%.2f cv %.2f, conversion %+.2f sd %.2f, pace %.2f",
            inflowFactor, inflowCv, conversionShift, conversionSd, pace)
            + (push.isNone() ? "" : ", push " + push.describe());
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** Whether the inflow or the conversion is drawn per trial rather than fixed. */
    public boolean random() {
        return inflowCv > 0 || conversionSd > 0;
    }

    /** The shape of the inflow's Gamma factor, 1 / cv^2 (infinite when fixed). */
    public double inflowShape() {
        return 1 / (inflowCv * inflowCv);
    }

    /**
     * Stage probabilities with the advance exit's odds multiplied by {@code exp(shift)}; the other
     * exits keep their proportions (the model's rule for changing one exit,
     * {@link Scenario#withExitProbability}, on arrays for the engine's loop). {@code advance} < 0 (no
     * exit nearer a win) leaves them as they are.
     */
    public static void shift(double[] probs, int advance, double shift, double[] out) {
        if (advance < 0 || shift == 0) {
            if (out != probs) {
                System.arraycopy(probs, 0, out, 0, probs.length);
            }
            return;
        }
        double p = probs[advance];
        double odds = Math.exp(shift);
        double scale = 1 / (p * odds + 1 - p);
        for (int e = 0; e < probs.length; e++) {
            out[e] = probs[e] * scale; // in place is fine: p was read first
        }
        out[advance] = p * odds * scale;
    }
}
