/**
 * The result of a forecast, whichever method made it: the wins pmf, its quantiles, the daily fan, revenue.
 *
 * <p>Layer: Uses nothing of funnelcast but the base package. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.forecast;
