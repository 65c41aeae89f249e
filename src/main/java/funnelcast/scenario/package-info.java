/**
 * Reading and writing scenario files (JSON and YAML), every error with the path of the value.
 *
 * <p>Layer: Uses {@code model} and {@code law}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.scenario;
