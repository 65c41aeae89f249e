/**
 * The Spark engines for sweeps and roll-ups: offered to the command line through
 * {@link java.util.ServiceLoader} as {@code --engine spark}, so that the core knows nothing of Spark.
 *
 * <p>Layer: above {@code sweep} and {@code rollup} (it runs a sweep's slices, or a roll-up's teams);
 * nothing in the core uses it.
 */
package funnelcast.spark;
