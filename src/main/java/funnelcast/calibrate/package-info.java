/**
 * Calibration from history: censored dwell fits, Kaplan-Meier, shrinkage, stalled shares, month effects, seasonality and the closing push.
 *
 * <p>Layer: Uses {@code history}, {@code engine}, {@code exact}, {@code forecast}, {@code model} and {@code law}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.calibrate;
