/**
 * The result of a forecast, whichever method made it: the wins pmf, its quantiles, the daily fan, revenue.
 *
 * <p>Layer: uses only the base package. The layers and the flow between them are told once, in
 * docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.forecast;
