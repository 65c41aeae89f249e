package funnelcast.calibrate;

import funnelcast.dist.Distribution;
import funnelcast.model.Funnel;

/**
 * Each exit's dwell survival S(age) for a funnel, its law built once (Commons Statistics' law
 * behind a dwell was built again at every survival asked: the month and push fits ask millions).
 * 1 for a visit just begun.
 */
final class Survivals {
    private final Funnel funnel;
    private final Distribution.Evaluation[][] laws;

    Survivals(Funnel funnel) {
        this.funnel = funnel;
        this.laws = new Distribution.Evaluation[funnel.stageCount()][];
    }

    double at(int stage, int exit, double age) {
        if (age <= 0) {
            return 1;
        }
        Distribution.Evaluation[] row = laws[stage];
        if (row == null) {
            row = new Distribution.Evaluation[funnel.exitCount(stage)];
            for (int e = 0; e < row.length; e++) {
                row[e] = funnel.dwell(stage, e).evaluation();
            }
            laws[stage] = row;
        }
        return row[exit].survival(age);
    }
}
