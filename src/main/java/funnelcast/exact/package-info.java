/**
 * The exact method: uniformization, the bracketing renewal grid, convolution, mixtures over month effects, each with its proven bound.
 *
 * <p>Layer: uses {@code model}, {@code law} and {@code forecast}; independent of {@code engine}.
 * The layers and the flow between them are told once, in docs/model.md; {@code LayeringTest} keeps
 * them.
 */
package funnelcast.exact;
