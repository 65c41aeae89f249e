package funnelcast.plan;

import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What-if copies of a scenario: another inflow, a stage converting better or worse, a stage running faster. */
public final class ScenarioEdits {
    private ScenarioEdits() {
    }

    public static Scenario withInflow(Scenario s, double perDay) {
        Inflow in = s.inflow();
        return new Scenario(s.name(), s.calendar(), s.entry(), s.stages(), new Inflow(perDay, in.reps(),
            in.observed()), s.pipeline(), s.target(), s.dealValue(), s.monthEffects());
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
        return replaceStage(s, stage, new Stage(st.id(), st.label(), exits, st.dwell(), Map.of(), st.criteria(),
            st.questions(), st.stalled()), 1);
    }

    /**
     * Every dwell of the stage times {@code factor}. The ages of the deals at that stage are
     * scaled too, so each deal stays at the same point of its visit (and an age stays possible
     * under a shorter fixed or bounded dwell).
     */
    public static Scenario withDwellScale(Funnel funnel, int stage, double factor) {
        Scenario s = funnel.scenario();
        Stage st = s.stages().get(stage);
        List<Exit> exits = new ArrayList<>();
        for (Exit x : st.exits()) {
            exits.add(new Exit(x.to(), x.probability(), x.dwell().scaled(factor), x.ownDwell()));
        }
        return replaceStage(s, stage, st.withExits(exits, st.dwell().scaled(factor)), factor);
    }

    private static int indexOf(List<Exit> exits, String to) {
        for (int i = 0; i < exits.size(); i++) {
            if (exits.get(i).to().equals(to)) {
                return i;
            }
        }
        return -1;
    }

    private static Scenario replaceStage(Scenario s, int index, Stage stage, double ageFactor) {
        List<Stage> stages = new ArrayList<>(s.stages());
        stages.set(index, stage);
        List<PipelineDeal> pipeline = new ArrayList<>();
        for (PipelineDeal d : s.pipeline()) {
            pipeline.add(d.stage().equals(stage.id()) && ageFactor != 1
                ? new PipelineDeal(d.id(), d.stage(), d.age() * ageFactor, d.count(), d.value(), d.rep()) : d);
        }
        return new Scenario(s.name(), s.calendar(), s.entry(), stages, s.inflow(), pipeline, s.target(),
            s.dealValue(), s.monthEffects());
    }
}
