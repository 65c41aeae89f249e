/**
 * JFreeChart builders: forecasts, plans, calibrations and backtests as PNG and SVG, from the results, never recomputed.
 *
 * <p>Layer: Uses {@code backtest}, {@code calibrate}, {@code plan}, {@code forecast}, {@code model} and {@code law}; knows no file but its output. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.chart;
