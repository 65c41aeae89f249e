/**
 * The explorer ({@code funnel serve}): an embedded web server, its pages and a small JSON API,
 * so that a trainer or a director can move a number and see the month change at once, and (with
 * a store) read the month's pace day by day.
 *
 * <p>Layer: uses {@code daily}, {@code store}, {@code chart}, {@code plan}, {@code engine}, {@code exact}, {@code forecast},
 * {@code scenario} and {@code model}; only {@code cli} uses it. The layers and the flow between
 * them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.web;
