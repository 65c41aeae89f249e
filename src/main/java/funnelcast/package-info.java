/**
 * The base of every layer: only {@link funnelcast.InputException}, the one exception that means the user's input is wrong (exit 2).
 *
 * <p>Layer: Uses nothing of funnelcast. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast;
