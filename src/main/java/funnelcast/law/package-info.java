/**
 * Dwell and deal-value distributions: immutable laws that answer cdf, survival, inverse, moments and log density, and hand out samplers bound to a random stream.
 *
 * <p>Layer: uses only the base package. The layers and the flow between them are told once, in
 * docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.law;
