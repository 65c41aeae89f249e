package funnelcast.calibrate;

/**
 * A recency-weighted estimate from past months and its variance: a level on the log-odds or
 * log scale ({@link MonthSeries}), or a rate of new deals a day with its relative variance
 * ({@link InflowSeries}).
 */
record Estimate(double value, double variance) {
}
