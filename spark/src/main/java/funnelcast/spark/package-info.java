/**
 * The Spark engine for sweeps: offered to the command line through {@link java.util.ServiceLoader}
 * as {@code --engine spark}, so that the core knows nothing of Spark.
 *
 * <p>Layer: above {@code plan} (it runs a sweep's slices and combines them); nothing in the core uses it.
 */
package funnelcast.spark;
