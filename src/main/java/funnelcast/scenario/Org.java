package funnelcast.scenario;

import funnelcast.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * An organisation for a roll-up: a level with a name, an optional target of wins and children,
 * each a level or a scenario (a rep's or a team's). Read by {@link OrgReader}.
 */
public sealed interface Org permits Org.Level, Org.Team {
    String name();

    /**
     * A level of the tree: a team of teams, a region, the company. {@code sharedMonth}: its teams
     * share the month's conversion shift (one market, one quarter-end), so they move together.
     */
    record Level(String name, OptionalInt target, List<Org> children, boolean sharedMonth) implements Org {
        public Level {
            children = List.copyOf(children);
        }

        /** A level whose children are independent. */
        public Level(String name, OptionalInt target, List<Org> children) {
            this(name, target, children, false);
        }
    }

    /** A leaf: one scenario, from its file. */
    record Team(String name, Path file, Scenario scenario) implements Org {
    }
}
