/**
 * Reading and writing scenario files (JSON and YAML), every error with the path of the value.
 *
 * <p>Layer: uses {@code model} and {@code law}. The layers and the flow between them are told once,
 * in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.scenario;
