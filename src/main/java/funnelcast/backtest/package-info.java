/**
 * Rolling-origin backtests: calibrate before each month, forecast it, score it (coverage, PIT, CRPS, sharpness) beside two baselines.
 *
 * <p>Layer: Uses {@code calibrate}, {@code history}, {@code engine}, {@code exact}, {@code forecast} and {@code model}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.backtest;
