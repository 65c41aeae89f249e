package funnelcast.calibrate;

import funnelcast.law.Law;
import funnelcast.model.Funnel;

/**
 * Each exit's dwell survival S(age) for a funnel, its law built once (Commons Statistics' law
 * behind a dwell was built again at every survival asked: the month and push fits ask millions).
 * 1 for a visit just begun. Not for sharing between threads (it remembers its last answer).
 */
final class Survivals {
    private final Funnel funnel;
    private final Law.Evaluation[][] laws;

    Survivals(Funnel funnel) {
        this.funnel = funnel;
        this.laws = new Law.Evaluation[funnel.stageCount()][];
    }

    /** The last survival worked out, by its law's evaluation and age: the exits of a pooled dwell share it. */
    private Law.Evaluation lastLaw;
    private double lastAge = Double.NaN;
    private double lastSurvival;

    double at(int stage, int exit, double age) {
        if (age <= 0) {
            return 1;
        }
        Law.Evaluation[] row = laws[stage];
        if (row == null) {
            row = new Law.Evaluation[funnel.exitCount(stage)];
            for (int e = 0; e < row.length; e++) {
                Law dwell = funnel.dwell(stage, e);
                for (int j = 0; j < e && row[e] == null; j++) {
                    if (funnel.dwell(stage, j).equals(dwell)) {
                        row[e] = row[j]; // one law for the stage (no exit-specific dwells): one evaluation
                    }
                }
                if (row[e] == null) {
                    row[e] = dwell.evaluation();
                }
            }
            laws[stage] = row;
        }
        Law.Evaluation law = row[exit];
        if (law != lastLaw || age != lastAge) {
            lastLaw = law;
            lastAge = age;
            lastSurvival = law.survival(age);
        }
        return lastSurvival;
    }
}
