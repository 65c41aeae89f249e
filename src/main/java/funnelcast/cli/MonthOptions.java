package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.calibrate.MonthFit;
import picocli.CommandLine.Option;

/** Which month effects calibration may use: each is on by default, where the history supports it. */
final class MonthOptions {
    @Option(names = "--no-month-effects", description = "Calibrate an average month: no month-to-month variation, "
        + "seasonality or drift (for comparison).")
    boolean noEffects;

    @Option(names = "--no-seasonality", description = "No month-of-quarter terms.")
    boolean noSeasonality;

    @Option(names = "--half-life", paramLabel = "MONTHS", description = "Weigh past months by recency with this half-life "
        + "(default: chosen on the history's own past months; 0 for no weighting).")
    Double halfLife;

    @Option(names = "--pace", description = "Also give the horizon the pace (exits recorded against expected) of past "
        + "months; off by default.")
    boolean pace;

    @Option(names = "--no-push", description = "No closing push in the last working days of a month or quarter.")
    boolean noPush;

    @Option(names = "--no-stalled", description = "No stalled share: every open deal is still moving, however old.")
    boolean noStalled;

    MonthFit.Options options() {
        if (halfLife != null && !(halfLife >= 0 && halfLife < Double.POSITIVE_INFINITY)) {
            throw new InputException("--half-life: expected a number of months >= 0 (0 for none), got " + halfLife);
        }
        double h = halfLife == null ? Double.NaN : halfLife == 0 ? Double.POSITIVE_INFINITY : halfLife;
        if (noEffects) {
            return MonthFit.Options.NONE.withStalled(!noStalled);
        }
        return MonthFit.Options.DEFAULT.withSeasonality(!noSeasonality).withHalfLife(h).withPace(pace)
            .withStalled(!noStalled).withPush(!noPush);
    }
}
