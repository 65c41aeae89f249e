/**
 * Sweeps: a grid of {@code --set} values over a base scenario, or one case per scenario file; the
 * cases travel as scenario text and settings, cut into blocks of trials whose tallies combine
 * exactly; {@link funnelcast.sweep.SweepEngine} is the seam another module (the Spark engine in
 * spark/) implements, found through ServiceLoader.
 *
 * <p>Layer: Uses {@code plan} (the inflow needed and the bottleneck of a row), {@code engine},
 * {@code exact}, {@code forecast}, {@code scenario} (a case reads its text), {@code model} and
 * {@code law}; {@code cli} uses it, and the Spark module depends on it alone.
 */
package funnelcast.sweep;
