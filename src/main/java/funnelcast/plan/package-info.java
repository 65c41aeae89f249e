/**
 * The planner: steady state, the inflow this horizon needs, hires, sensitivity, the pipeline review.
 *
 * <p>Layer: Uses {@code engine}, {@code exact}, {@code forecast}, {@code model} and {@code law};
 * it reads no file and no scenario text. Data flows one way, {@code scenario -> model -> (engine |
 * exact) -> forecast -> (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit
 * test ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.plan;
