/**
 * Sweeps: a grid of {@code --set} values over a base scenario, or one case per scenario file; the
 * cases travel as scenario text and settings, cut into blocks of trials whose tallies combine
 * exactly; {@link funnelcast.sweep.SweepEngine} is the seam another module (the Spark engine in
 * spark/) implements, found through ServiceLoader.
 *
 * <p>Layer: uses {@code plan}, {@code engine}, {@code exact}, {@code forecast}, {@code scenario}
 * and {@code model}; {@code cli} uses it, and the Spark module depends on it alone. The layers and
 * the flow between them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.sweep;
