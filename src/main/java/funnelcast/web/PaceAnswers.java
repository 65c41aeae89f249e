package funnelcast.web;

import funnelcast.chart.ChartFiles;
import funnelcast.chart.PaceCharts;
import funnelcast.daily.Pace;
import funnelcast.store.Store;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The pace page's answers: the month's pace from the store, as {@code funnel pace --json} gives it, and its charts. */
final class PaceAnswers {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private PaceAnswers() {
    }

    /** The pace of {@code month} (YYYY-MM, or the last recorded) for the team or {@code rep}, what moved {@code from} {@code to}. */
    static Pace pace(Store store, String month, String rep, String from, String to) {
        Optional<YearMonth> m = Optional.empty();
        if (month != null && !month.isBlank()) {
            try {
                m = Optional.of(YearMonth.parse(month));
            } catch (DateTimeParseException e) {
                throw new FieldException("month: expected YYYY-MM, e.g. 2027-01, got '" + month + "'", "month");
            }
        }
        return Pace.read(store, "the store", rep == null || rep.isEmpty() ? null : rep, m, date("from", from), date("to", to));
    }

    private static Optional<LocalDate> date(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new FieldException(field + ": expected an ISO date (YYYY-MM-DD), got '" + text + "'", field);
        }
    }

    /** The pace's charts as scalable inline SVG: the trend, the wins against the plan, what moved, the accuracy. */
    record Charts(String trend, String wins, String moved, String accuracy) {
    }

    static Charts charts(Pace p) {
        return new Charts(ChartFiles.svgScalable(PaceCharts.trend(p), WIDTH, HEIGHT, "pace-trend"),
            ChartFiles.svgScalable(PaceCharts.wins(p), WIDTH, HEIGHT, "pace-wins"),
            p.moved().map(m -> ChartFiles.svgScalable(PaceCharts.moved(p.scope(), m), WIDTH, HEIGHT, "pace-moved")).orElse(null),
            p.accuracy().isPresent() ? ChartFiles.svgScalable(PaceCharts.accuracy(p), WIDTH, HEIGHT, "pace-accuracy") : null);
    }
}
