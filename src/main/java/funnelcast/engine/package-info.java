/**
 * The Monte Carlo engine: streams per block of trials, the trial kernels, accumulators that merge in any order.
 *
 * <p>Layer: Uses {@code model}, {@code law} and {@code forecast}; independent of {@code exact}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.engine;
