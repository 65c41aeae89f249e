package funnelcast.calibrate;

import funnelcast.model.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What calibration found, stage by stage, and the scenario it makes. */
public record Calibration(String source, LocalDate asOf, String entry, List<StageFit> stages, InflowFit inflow,
                          int openDeals, Scenario scenario, List<String> notes, MonthFit months,
                          Map<String, Integer> repNewDeals) {
    public Calibration {
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
        repNewDeals = Map.copyOf(repNewDeals);
    }

    /**
     * An exit's count, share and 90% interval (Jeffreys: Beta(n + 1/2, N - n + 1/2) quantiles).
     * {@code observed} is the completed visits that took it; with exit-specific dwells the count is
     * the effective one, those plus the open visits' expected exits ({@link #fromOpen}).
     */
    public record ExitRate(String to, double count, int observed, double probability, double lower, double upper) {
        /** The open visits' expected exits folded into the count (0 unless the dwells are exit-specific). */
        public double fromOpen() {
            return count - observed;
        }
    }

    /**
     * A stage's visits: the exits, the pooled dwell fits (best by AIC), and, when AIC prefers it,
     * the exit-specific model ({@code exitModel} not null and {@code exitSpecific}), whose exit
     * rates then come from its censoring-aware shares. {@code pooledAic} covers exits and dwell.
     * {@code repExits}: each rep's visits by exit: the completed ones where they went, plus, where
     * the dwells are exit-specific, the open ones' expected exits (their memberships, as the EM
     * counts them), so that slow exits are not under-counted.
     */
    public record StageFit(String id, int completed, int open, List<ExitRate> exits, List<DwellFit> fits,
                           DwellFit best, KaplanMeier km, Map<String, RepRate> reps, ExitDwellModel exitModel,
                           boolean exitSpecific, double pooledAic, Map<String, Map<String, Double>> repExits) {
        public StageFit {
            exits = List.copyOf(exits);
            fits = List.copyOf(fits);
        }

        /** The share of visits that stall (never move on), where the chosen model has one. */
        public double stalled() {
            return exitSpecific ? exitModel.stalled() : 0;
        }

        /** The Kaplan-Meier distance of the model that was chosen. */
        public double kmDistance() {
            return exitSpecific ? km.distanceTo(exitModel.survivalFunction()) : best.kmDistance();
        }
    }

    /** New deals at the entry stage over working days, with a 90% interval (exact Poisson); {@code repNewDeals} of the calibration splits them by rep. */
    public record InflowFit(int deals, double days, double perDay, double lower, double upper, LocalDate from,
                            LocalDate to) {
    }

    /** A rep's conversion at a stage, raw and shrunk toward the team's by empirical Bayes. */
    public record RepRate(String rep, int visits, int advanced, double raw, double shrunk) {
    }
}
