/**
 * Event logs and CRM exports in (CSV with its columns, stage names, dates and numbers), simulated logs out, and the working-day clock of a history.
 *
 * <p>Layer: uses {@code model} and {@code law}. The layers and the flow between them are told once,
 * in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.history;
