package funnelcast.model;

import funnelcast.law.Law;
import java.util.List;
import java.util.Map;

/**
 * An open stage (milestone) of the funnel. {@code exitCounts} holds the observed counts when
 * the exits were given that way (empty otherwise); the probabilities in {@code exits} are then
 * the count shares. {@code stalled} is the share of visits that never leave the stage (they
 * stall); the exits' probabilities are those of the visits that move on. {@code skills} are what a
 * rep who converts poorly here should be coached in (what {@code reps} names when it flags the stage).
 */
public record Stage(String id, String label, List<Exit> exits, Law dwell,
                    Map<String, Double> exitCounts, List<String> criteria, List<String> questions, List<String> skills,
                    double stalled) {
    public Stage {
        if (!(stalled >= 0 && stalled < 1)) {
            throw new IllegalArgumentException("stalled must lie in [0, 1), got " + stalled);
        }
        exits = List.copyOf(exits);
        exitCounts = Map.copyOf(exitCounts);
        criteria = List.copyOf(criteria);
        questions = List.copyOf(questions);
        skills = List.copyOf(skills);
    }

    /** A stage without skills listed. */
    public Stage(String id, String label, List<Exit> exits, Law dwell, Map<String, Double> exitCounts,
                 List<String> criteria, List<String> questions, double stalled) {
        this(id, label, exits, dwell, exitCounts, criteria, questions, List.of(), stalled);
    }

    /** A stage whose visits all move on (no stalled share), without skills listed. */
    public Stage(String id, String label, List<Exit> exits, Law dwell, Map<String, Double> exitCounts,
                 List<String> criteria, List<String> questions) {
        this(id, label, exits, dwell, exitCounts, criteria, questions, List.of(), 0);
    }

    public Stage withExits(List<Exit> newExits, Law newDwell) {
        return new Stage(id, label, newExits, newDwell, exitCounts, criteria, questions, skills, stalled);
    }

    /** Mean dwell of a visit that moves on: over exits weighted by their probabilities where exits carry their own. */
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
