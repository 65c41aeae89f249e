package funnelcast.calibrate;

/** A month series' fit with how it scored its past months one step ahead ({@link MonthSeries}, {@link InflowSeries}). */
interface Scored {
    int scored();

    double logScore();
}
