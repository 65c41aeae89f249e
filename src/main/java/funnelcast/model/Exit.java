package funnelcast.model;

import funnelcast.law.Law;

/**
 * One way out of a stage: the destination ({@code won}, {@code lost} or an open stage), its
 * probability, and the dwell that applies when this exit is taken (the stage's own dwell
 * unless the exit carries one, {@code ownDwell}).
 */
public record Exit(String to, double probability, Law dwell, boolean ownDwell) {
    /** The destination of a deal that is won, and of one that is lost: the two ends of every path. */
    public static final String WON = "won";
    public static final String LOST = "lost";

    public Exit {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + probability);
        }
    }
}
