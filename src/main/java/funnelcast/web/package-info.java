/**
 * The explorer ({@code funnel serve}): an embedded web server, one page and a small JSON API,
 * so that a trainer or a director can move a number and see the month change at once.
 *
 * <p>Layer: Uses {@code chart}, {@code plan}, {@code engine}, {@code exact}, {@code forecast},
 * {@code scenario}, {@code model} and {@code law}; only {@code cli} uses it.
 */
package funnelcast.web;
