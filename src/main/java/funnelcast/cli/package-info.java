/**
 * The command line: one picocli command a subcommand, shared options in mixins, an output class a command. The only layer that prints.
 *
 * <p>Layer: Uses every layer below it; nothing below knows it. Data flows one way, {@code scenario -> model -> (engine | exact) -> forecast ->
 * (plan, calibrate, backtest) -> (chart, report) -> cli}, and an ArchUnit test
 * ({@code LayeringTest}) keeps every dependency pointing down.
 */
package funnelcast.cli;
