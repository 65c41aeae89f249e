/**
 * The model: records for a scenario, its stages, exits, calendar, inflow, pipeline, target and month effects, and the stage graph by index ({@link funnelcast.model.Funnel}) with its jump chain ({@link funnelcast.model.Absorption}).
 *
 * <p>Layer: Uses {@code law}. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.model;
