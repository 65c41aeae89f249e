package funnelcast.calibrate;

import funnelcast.law.Law;
import funnelcast.model.Funnel;

/**
 * Each exit's dwell survival S(age) for a funnel, its law built once (Commons Statistics' law
 * behind a dwell was built again at every survival asked: the month and push fits ask millions).
 * 1 for a visit just begun.
 */
final class Survivals {
    private final Funnel funnel;
    private final Law.Evaluation[][] laws;

    Survivals(Funnel funnel) {
        this.funnel = funnel;
        this.laws = new Law.Evaluation[funnel.stageCount()][];
    }

    double at(int stage, int exit, double age) {
        if (age <= 0) {
            return 1;
        }
        Law.Evaluation[] row = laws[stage];
        if (row == null) {
            row = new Law.Evaluation[funnel.exitCount(stage)];
            for (int e = 0; e < row.length; e++) {
                row[e] = funnel.dwell(stage, e).evaluation();
            }
            laws[stage] = row;
        }
        return row[exit].survival(age);
    }
}
