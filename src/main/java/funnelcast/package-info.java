/**
 * The base of every layer: {@link funnelcast.InputException}, the one exception that means the user's input is wrong
 * (exit 2), and {@link funnelcast.Mappers}, the one place every JSON and YAML mapper is configured.
 *
 * {@link funnelcast.Parallelism}, the threads a computation may use, sits here too, so that every
 * layer takes its parallelism from its caller.
 *
 * <p>Layer: uses nothing of funnelcast. The layers and the flow between them are told once, in
 * docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast;
