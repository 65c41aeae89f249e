/**
 * Roll-ups from rep to company: each level's distribution of wins as the convolution of its
 * children's (independent teams), P(hit) of its target, and each child's share of the expected
 * wins and of the variance.
 *
 * <p>Layer: uses {@code scenario} (the organisation file), {@code exact}, {@code engine},
 * {@code forecast} and {@code model}. The layers and the flow between them are told once, in
 * docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.rollup;
