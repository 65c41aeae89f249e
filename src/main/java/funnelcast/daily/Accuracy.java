package funnelcast.daily;

import funnelcast.backtest.Backtest;
import funnelcast.store.Day;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How right a closed month's recorded forecasts were, day by day: each day's forecast of the
 * month's wins scored against the wins the month ended with, by the backtest's rule
 * ({@link Backtest.Score}: CRPS, and whether the actual fell inside the 50% and 80% intervals).
 * Forecasts should sharpen as the month goes. The month's last working day, whose wins are known,
 * is not scored.
 */
public record Accuracy(String scope, int actualWins, int scored, double coverage50, double coverage80, double meanCrps,
                       List<Scored> days) {
    public Accuracy {
        days = List.copyOf(days);
    }

    /** A day's forecast against the month's actual wins. */
    public record Scored(LocalDate date, int dayOfMonth, int p10, int p25, int p50, int p75, int p90, boolean in50,
                         boolean in80, double pit, double crps) {
    }

    /**
     * The scores of a month's recorded days (one scope, in date order), when the month is closed:
     * its last working day is recorded (its wins known); empty otherwise.
     */
    public static Optional<Accuracy> of(String scope, List<Day> days) {
        Optional<Day> closed = days.stream().filter(d -> d.daysLeft() == 0).findFirst();
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        int actual = closed.get().alreadyWon();
        List<Scored> scored = new ArrayList<>();
        int in50 = 0;
        int in80 = 0;
        double crps = 0;
        for (Day d : days) {
            if (d.daysLeft() == 0) {
                continue;
            }
            Backtest.Score s = Backtest.Score.of(d.pmf(), actual);
            scored.add(new Scored(d.asOf(), d.workingDays() - d.daysLeft(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(),
                s.in50(), s.in80(), s.pit(), s.crps()));
            in50 += s.in50() ? 1 : 0;
            in80 += s.in80() ? 1 : 0;
            crps += s.crps();
        }
        int n = scored.size();
        return Optional.of(new Accuracy(scope, actual, n, n == 0 ? Double.NaN : (double) in50 / n,
            n == 0 ? Double.NaN : (double) in80 / n, n == 0 ? Double.NaN : crps / n, scored));
    }
}
