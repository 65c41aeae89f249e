package funnelcast.plan;

import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What-if copies of a scenario for the planner: a stage converting better or worse, a stage
 * running faster (another inflow is {@link Scenario#withInflow}).
 */
public final class ScenarioEdits {
    private ScenarioEdits() {
    }

    /** The advance exit of a stage (see {@link Absorption#advanceExit}). */
    public static int advanceExit(Funnel funnel, int stage) {
        return Absorption.of(funnel).advanceExit(stage);
    }

    /**
     * Moves the advance exit's probability by {@code delta} (clamped to [0, 1]) and scales the
     * other exits to keep the sum 1; where there are no other exits to take the difference, it
     * goes to (or comes from) {@code lost}.
     */
    public static Scenario withAdvance(Funnel funnel, int stage, double delta) {
        Scenario s = funnel.scenario();
        Stage st = s.stages().get(stage);
        int adv = advanceExit(funnel, stage);
        double old = st.exits().get(adv).probability();
        double now = Math.max(0, Math.min(1, old + delta));
        double others = 1 - old;
        List<Exit> exits = new ArrayList<>();
        boolean hasLost = false;
        for (int e = 0; e < st.exits().size(); e++) {
            Exit x = st.exits().get(e);
            double p = e == adv ? now : others > 0 ? x.probability() * (1 - now) / others : 0;
            hasLost |= x.to().equals(Exit.LOST);
            exits.add(new Exit(x.to(), p, x.dwell(), x.ownDwell()));
        }
        if (!(others > 0) && now < 1) {
            if (hasLost) {
                int lost = indexOf(exits, Exit.LOST);
                Exit x = exits.get(lost);
                exits.set(lost, new Exit(Exit.LOST, 1 - now, x.dwell(), x.ownDwell()));
            } else {
                exits.add(new Exit(Exit.LOST, 1 - now, st.dwell(), false));
            }
        }
        List<Stage> stages = new ArrayList<>(s.stages());
        stages.set(stage, new Stage(st.id(), st.label(), exits, st.dwell(), Map.of(), st.criteria(), st.questions(),
            st.stalled()));
        return s.withStages(stages);
    }

    /** Every dwell of the stage times {@code factor}, its deals' ages alike ({@link Scenario#withDwellScale}). */
    public static Scenario withDwellScale(Funnel funnel, int stage, double factor) {
        return funnel.scenario().withDwellScale(stage, factor);
    }

    private static int indexOf(List<Exit> exits, String to) {
        for (int i = 0; i < exits.size(); i++) {
            if (exits.get(i).to().equals(to)) {
                return i;
            }
        }
        return -1;
    }
}
