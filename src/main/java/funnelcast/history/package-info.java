/**
 * Event logs and CRM exports in (CSV with its columns, stage names, dates and numbers), simulated logs out, and the working-day clock of a history.
 *
 * <p>Layer: Uses {@code model} and {@code law}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.history;
