/**
 * The explorer ({@code funnel serve}): an embedded web server, one page and a small JSON API,
 * so that a trainer or a director can move a number and see the month change at once.
 *
 * <p>Layer: uses {@code chart}, {@code plan}, {@code engine}, {@code exact}, {@code forecast},
 * {@code scenario} and {@code model}; only {@code cli} uses it. The layers and the flow between
 * them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.web;
