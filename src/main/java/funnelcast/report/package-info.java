/**
 * The pipeline report: one self-contained HTML page and its Markdown twin, with inline charts.
 *
 * <p>Layer: uses {@code chart}, {@code plan}, {@code forecast} and {@code model}. The layers and
 * the flow between them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.report;
