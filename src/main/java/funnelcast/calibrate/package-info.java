/**
 * Calibration from history: censored dwell fits, Kaplan-Meier, shrinkage, stalled shares, month effects, seasonality and the closing push.
 *
 * <p>Layer: uses {@code history}, {@code model} and {@code law}. The layers and the flow between
 * them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.calibrate;
