/**
 * The planner: steady state, the inflow this period needs, sensitivity, the pipeline review, sweeps.
 *
 * <p>Layer: Uses {@code engine}, {@code exact}, {@code forecast}, {@code scenario} (a sweep reads its cases), {@code model} and {@code dist}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.plan;
