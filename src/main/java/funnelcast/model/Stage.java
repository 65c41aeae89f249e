package funnelcast.model;

import funnelcast.dist.Distribution;
import java.util.List;
import java.util.Map;

/**
 * An open stage (milestone) of the funnel. {@code exitCounts} holds the observed counts when
 * the exits were given that way (empty otherwise); the probabilities in {@code exits} are then
 * the count shares.
 */
public record Stage(String id, String label, List<Exit> exits, Distribution dwell,
                    Map<String, Double> exitCounts, List<String> criteria, List<String> questions) {
    public Stage {
        exits = List.copyOf(exits);
        exitCounts = Map.copyOf(exitCounts);
        criteria = List.copyOf(criteria);
        questions = List.copyOf(questions);
    }

    /** Mean dwell of a visit: over exits weighted by their probabilities where exits carry their own. */
    public double meanDwell() {
        double m = 0;
        for (Exit e : exits) {
            m += e.probability() * e.dwell().mean();
        }
        return m;
    }

    public boolean hasExitDwell() {
        return exits.stream().anyMatch(Exit::ownDwell);
    }
}
