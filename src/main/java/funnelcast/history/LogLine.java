package funnelcast.history;

/**
 * A line of a simulated event log: deal {@code deal} entered {@code stage} at {@code time}
 * working days from the log's start (negative for the opening pipeline), with its rep and, on
 * a win, its value (null where there is none).
 */
public record LogLine(String deal, String stage, double time, String rep, Double value) {
}
