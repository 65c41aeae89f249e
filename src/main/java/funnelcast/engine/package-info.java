/**
 * The Monte Carlo engine: streams per block of trials, the trial kernels, accumulators that merge in any order.
 *
 * <p>Layer: uses {@code model}, {@code law} and {@code forecast}; independent of {@code exact}. The
 * layers and the flow between them are told once, in docs/model.md; {@code LayeringTest} keeps
 * them.
 */
package funnelcast.engine;
