/**
 * The pipeline report: one self-contained HTML page and its Markdown twin, with inline charts.
 *
 * <p>Layer: Uses {@code chart}, {@code plan}, {@code forecast} and {@code model}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.report;
