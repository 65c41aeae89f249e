/**
 * The command line: one picocli command a subcommand, shared options in mixins, an output class a command. The only layer that prints.
 *
 * <p>Layer: uses every layer below it; nothing below knows it. The layers and the flow between
 * them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.cli;
