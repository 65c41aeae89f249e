package funnelcast.exact;

import funnelcast.law.Law;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dwell laws' cdfs at the grid points, each computed once for every node of a month's
 * mixture: a node shifts a funnel's exits, not its dwells, so its grids ask for the same laws at
 * the same ages. The arrays are shared, and read only.
 */
final class GridCdfs {
    private final Map<Key, double[]> cdfs = new ConcurrentHashMap<>();

    private record Key(Law law, double age, double h, int points) {
    }

    /** The law's cdf at {@code points} grid points of width {@code h} given its age, from {@code compute} the first time. */
    double[] get(Law law, double age, double h, int points, Supplier<double[]> compute) {
        return cdfs.computeIfAbsent(new Key(law, age, h, points), k -> compute.get());
    }
}
