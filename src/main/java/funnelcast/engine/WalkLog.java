package funnelcast.engine;

import funnelcast.model.PushClock;

/**
 * What a log adds to a scenario: its length in working days, new deals per working day
 * ({@code daily}, null for the scenario's constant rate), calendar months that differ (null
 * for none) and the push clock over the log (null for none).
 */
public record WalkLog(int days, double[] daily, WalkMonths months, PushClock push) {
}
