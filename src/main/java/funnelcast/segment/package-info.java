/**
 * One calibration per segment of an export ({@code calibrate --by}: a team, a product, a region):
 * the segments' histories, read from one parse of the file, calibrated here or on a cluster
 * (funnelcast-spark), each into its scenario's text.
 *
 * <p>Layer: uses {@code calibrate}, {@code history}, {@code scenario} and {@code model}. The
 * layers and the flow between them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.segment;
