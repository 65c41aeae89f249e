/**
 * Each salesperson's funnel from the team's history: every exit of every stage and the inflow
 * shrunk toward the team's by hierarchical empirical Bayes, a scorecard of where a rep converts
 * below the team, the skills to coach there, and each rep's own forecast of a quota.
 *
 * <p>Layer: uses {@code calibrate}, {@code plan}, {@code exact}, {@code forecast} and
 * {@code model}. The layers and the flow between them are told once, in docs/model.md;
 * {@code LayeringTest} keeps them.
 */
package funnelcast.reps;
