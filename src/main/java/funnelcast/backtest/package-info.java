/**
 * Rolling-origin backtests: calibrate before each month, forecast it, score it (coverage, PIT, CRPS, sharpness) beside two baselines.
 *
 * <p>Layer: uses {@code calibrate}, {@code history}, {@code engine}, {@code exact}, {@code
 * forecast} and {@code model}. The layers and the flow between them are told once, in
 * docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.backtest;
