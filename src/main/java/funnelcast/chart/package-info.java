/**
 * JFreeChart builders: forecasts, plans, calibrations and backtests as PNG and SVG, from the results, never recomputed.
 *
 * <p>Layer: uses {@code backtest}, {@code calibrate}, {@code plan}, {@code forecast}, {@code model}
 * and {@code law}; knows no file but its output. The layers and the flow between them are told
 * once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.chart;
