package funnelcast.plan;

import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The team's standing daily numbers (docs/model.md, planner): to win {@code target} deals in T working
 * days a team needs {@code lambda = target / (T h(entry))} new deals a day; stage s then
 * receives {@code lambda v(s)} deals a day and holds {@code lambda v(s) E[dwell s]} (Little's law).
 */
public record SteadyState(double winsPerMonth, int monthDays, double pWinFromEntry, double inflowPerDay,
                          double perRepPerDay, List<StageFlow> stages) {

    public record StageFlow(String id, String label, double pWin, double expectedVisits, double arrivalsPerDay,
                            double meanDwell, double inventory) {
    }

    public SteadyState {
        stages = List.copyOf(stages);
    }

    /**
     * The steady state that makes {@code wins} deals a month on average: the standing daily
     * numbers of a month's task, over the working days of the month that holds the horizon.
     */
    public static SteadyState forWins(Funnel funnel, double wins) {
        Scenario scenario = funnel.scenario();
        Absorption chain = Absorption.of(funnel);
        int month = scenario.monthDays();
        double hEntry = chain.winProbability(funnel.entry());
        double lambda = hEntry > 0 ? wins / (month * hEntry) : Double.POSITIVE_INFINITY;
        return of(funnel, chain, wins, lambda);
    }

    /** The steady state of the scenario's own inflow. */
    public static SteadyState forInflow(Funnel funnel, double perDay) {
        Absorption chain = Absorption.of(funnel);
        double wins = perDay * funnel.scenario().monthDays() * chain.winProbability(funnel.entry());
        return of(funnel, chain, wins, perDay);
    }

    private static SteadyState of(Funnel funnel, Absorption chain, double wins, double lambda) {
        Scenario scenario = funnel.scenario();
        List<StageFlow> flows = new ArrayList<>();
        for (int s = 0; s < funnel.stageCount(); s++) {
            Stage stage = funnel.stage(s);
            double visits = chain.visitsFromEntry(s);
            double arrivals = lambda * visits;
            flows.add(new StageFlow(stage.id(), stage.label(), chain.winProbability(s), visits, arrivals,
                stage.meanDwell(), arrivals * stage.meanDwell()));
        }
        double reps = scenario.inflow().reps();
        return new SteadyState(wins, scenario.monthDays(), chain.winProbability(funnel.entry()), lambda,
            reps > 0 ? lambda / reps : Double.NaN, flows);
    }
}
