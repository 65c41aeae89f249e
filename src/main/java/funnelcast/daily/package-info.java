/**
 * Day by day: each day's snapshot of a history (what happened, the open pipeline, the month's
 * forecast and plan as of that day, for the team and each rep), and a month's pace read back from
 * the recorded days.
 *
 * <p>Layer: uses {@code store}, {@code backtest} (its scoring rule), {@code calibrate}, {@code plan}, {@code exact}, {@code engine},
 * {@code forecast}, {@code history} and {@code model}. The layers and the flow between them are
 * told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.daily;
