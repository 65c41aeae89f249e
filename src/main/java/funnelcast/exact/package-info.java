/**
 * The exact method: uniformization, the bracketing renewal grid, convolution, mixtures over month effects, each with its proven bound.
 *
 * <p>Layer: Uses {@code model}, {@code law} and {@code forecast}; independent of {@code engine}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.exact;
