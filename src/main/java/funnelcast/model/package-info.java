/**
 * The model: records for a scenario, its stages, exits, calendar, inflow, pipeline, target and month effects, and the stage graph by index ({@link funnelcast.model.Funnel}) with its jump chain ({@link funnelcast.model.Absorption}).
 *
 * <p>Layer: uses {@code law}. The layers and the flow between them are told once, in docs/model.md;
 * {@code LayeringTest} keeps them.
 */
package funnelcast.model;
