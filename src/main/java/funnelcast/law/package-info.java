/**
 * Dwell and deal-value distributions: immutable laws that answer cdf, survival, inverse, moments and log density, and hand out samplers bound to a random stream.
 *
 * <p>Layer: Uses only the base package. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.law;
