package funnelcast.model;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The horizon's task: wins to reach (with those already booked) and, optionally, revenue. */
public record Target(OptionalInt wins, int alreadyWon, OptionalDouble revenue) {
    public static final Target NONE = new Target(OptionalInt.empty(), 0, OptionalDouble.empty());
}
