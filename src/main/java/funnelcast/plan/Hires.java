package funnelcast.plan;

import funnelcast.exact.ExactMethod;
import funnelcast.model.Funnel;
import funnelcast.model.Team;
import funnelcast.model.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How many hires the target needs, by start date, for a team. New deals' wins are Poisson whose
 * mean is the sum over working days of the day's inflow times what one new deal a day on that day
 * adds ({@link ExactMethod#inflowWeights}), so P(hit) depends on the inflow only through that
 * mean. The plan's required constant inflow fixes the mean needed; the team as it stands gives
 * its own; a hire starting on a date adds what its ramp lets it bring before the horizon ends.
 * The hires needed are the gap over one hire's share, rounded up, for starts every
 * {@link #EVERY} working days. A start from which hires add nothing, or from which the target
 * would take more than {@link #MOST_TIMES_TEAM} times the team, is not reachable: it says so
 * with its reason, and no later start is tried.
 */
public record Hires(LocalDate start, boolean reachable, int needed, double winsPerHire, String reason) {
    /** The start dates tried: the horizon's first working day, then every this many working days. */
    public static final int EVERY = 5;
    /** More hires than this many times the team's head count is no answer for a director. */
    public static final int MOST_TIMES_TEAM = 10;

    /** Empty when the scenario has no team or the team already reaches the inflow needed. */
    public static List<Hires> of(Funnel funnel, RequiredInflow needed, int stepsPerDay) {
        Team team = funnel.scenario().inflow().team();
        List<Hires> out = new ArrayList<>();
        if (team == null || !needed.reachable()) {
            return out;
        }
        WorkCalendar calendar = funnel.scenario().calendar();
        double[] w = ExactMethod.inflowWeights(funnel, stepsPerDay);
        double target = 0;
        for (double x : w) {
            target += needed.inflowPerDay() * x;
        }
        double gap = target - dot(team.daily(calendar), w);
        if (!(gap > 0)) {
            return out;
        }
        int most = MOST_TIMES_TEAM * Math.max(1, team.reps().size());
        List<LocalDate> days = calendar.workingDays();
        for (int k = 0; k < days.size(); k += EVERY) {
            LocalDate start = days.get(k);
            Team.Rep hire = new Team.Rep("hire", start, new TreeSet<>());
            double each = dot(team.daily(hire, calendar), w);
            if (!(each > 0)) {
                out.add(new Hires(start, false, 0, 0, String.format(Locale.ROOT,
                    "a hire starting on %s brings no win before the horizon ends (ramp of %d working days)", start,
                    team.rampDays())));
                break;
            }
            double hires = gap / each;
            if (hires > most) {
                out.add(new Hires(start, false, 0, each, String.format(Locale.ROOT,
                    "from %s it would take more than %d hires, %d times the team of %d: each adds only %.2g expected "
                        + "wins this period", start, most, MOST_TIMES_TEAM, team.reps().size(), each)));
                break;
            }
            out.add(new Hires(start, true, (int) Math.ceil(hires - 1e-9), each, ""));
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
