/**
 * The planner: steady state, the inflow this horizon needs, hires, sensitivity, the pipeline review.
 *
 * <p>Layer: uses {@code engine}, {@code exact}, {@code forecast}, {@code model} and {@code law}; it
 * reads no file and no scenario text. The layers and the flow between them are told once, in
 * docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.plan;
