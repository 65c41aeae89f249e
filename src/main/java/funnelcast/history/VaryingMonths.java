package funnelcast.history;

import funnelcast.model.Absorption;
import funnelcast.model.Funnel;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.PushClock;
import funnelcast.model.Quarters;
import funnelcast.model.WorkCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A history whose calendar months differ ({@link MonthVariation}): the months'
 * inflow factors and conversion shifts are drawn first, then new deals arrive month by month and
 * every visit draws its dwell, then its exit with the probabilities of the month it ends in.
 */
final class VaryingMonths {
    private final Funnel funnel;
    private final UniformRandomProvider rng;
    private final int days;
    private final Absorption chain;
    /** Month k covers working time [start[k], start[k + 1]) from the log's start. */
    private final double[] start;
    private final double[] inflowFactor;
    private final double[] shift;
    private final List<LogLine> rows = new ArrayList<>();
    private int counter;

    VaryingMonths(Funnel funnel, MonthVariation v, int days, UniformRandomProvider rng) {
        this.funnel = funnel;
        this.rng = rng;
        this.days = days;
        this.chain = Absorption.of(funnel);
        for (int s = 0; s < funnel.stageCount(); s++) {
            for (int e = 1; e < funnel.exitCount(s); e++) {
                if (e != funnel.stalledExit(s) && !funnel.dwell(s, e).equals(funnel.dwell(s, 0))) {
                    throw new IllegalArgumentException("histories with varying months need one dwell per stage; stage '"
                        + funnel.id(s) + "' has exit-specific dwells");
                }
            }
        }
        double origin = v.clock().at(v.start());
        List<Double> starts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (YearMonth m = YearMonth.from(v.start()); ; m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(v.start()) ? v.start() : m.atDay(1);
            double t = v.clock().at(first) - origin;
            if (t >= days) {
                break;
            }
            starts.add(t);
            positions.add(Quarters.place(m.getMonth()));
        }
        int n = starts.size();
        start = new double[n + 1];
        inflowFactor = new double[n];
        shift = new double[n];
        var gamma = v.inflowCv() > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(rng, 1 / (v.inflowCv() * v.inflowCv()),
            v.inflowCv() * v.inflowCv()) : null;
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int k = 0; k < n; k++) {
            start[k] = starts.get(k);
            inflowFactor[k] = gamma == null ? 1 : gamma.sample();
            shift[k] = v.season()[positions.get(k)] + v.conversionSd() * normal.sample();
        }
        start[n] = Double.POSITIVE_INFINITY;
        push = v.push().isNone() ? PushClock.NONE : v.push().clock(new WorkCalendar(v.start(),
            v.clock().dateTime(origin + days).toLocalDate(), v.clock().weekdays(), new TreeSet<>(v.clock().holidays())));
    }

    /** The push clock over the whole log, in its working time. */
    private final PushClock push;

    List<LogLine> simulate() {
        for (PipelineDeal d : funnel.scenario().pipeline()) {
            for (int c = 0; c < d.count(); c++) {
                String id = d.id() != null ? d.id() : String.format(Locale.ROOT, "P%05d", ++counter);
                int s = funnel.index(d.stage());
                rows.add(new LogLine(id, d.stage(), -d.age(), d.rep(), null));
                if (!stalls(s, d.age())) {
                    leave(id, s, 0, funnel.dwell(s, 0).residualSampler(rng, d.age()).sample());
                }
            }
        }
        double lambda = funnel.scenario().inflow().perDay();
        for (int k = 0; k + 1 < start.length; k++) {
            double from = start[k];
            double to = Math.min(days, start[k + 1]);
            double mean = lambda * inflowFactor[k] * (to - from);
            int n = mean > 0 ? PoissonSampler.of(rng, mean).sample() : 0;
            for (int i = 0; i < n; i++) {
                double t = from + (to - from) * rng.nextDouble();
                String id = String.format(Locale.ROOT, "D%06d", ++counter);
                rows.add(new LogLine(id, funnel.scenario().entry(), t, null, null));
                enter(id, funnel.entry(), t);
            }
        }
        rows.sort(Comparator.comparingDouble(LogLine::time));
        return rows;
    }

    /** The deal entered stage s at t: it stalls there, or its dwell, then its exit. */
    private void enter(String id, int s, double t) {
        if (!stalls(s, 0)) {
            leave(id, s, t, funnel.dwell(s, 0).sampler(rng).sample());
        }
    }

    /** Whether a visit aged {@code age} at the stage is one that never moves on (its stalled share, by age). */
    private boolean stalls(int s, double age) {
        int e = funnel.stalledExit(s);
        if (e < 0) {
            return false;
        }
        double stalled = funnel.prob(s, e);
        double moving = (1 - stalled) * (age > 0 ? funnel.dwell(s, 0).survival(age) : 1);
        return rng.nextDouble() < stalled / (stalled + moving);
    }

    /**
     * The deal that entered stage s at t0 leaves it after a dwell d by an exit drawn with the
     * probabilities of the month it ends in (among the moving exits); a win under the push ends
     * on the push clock.
     */
    private void leave(String id, int s, double t0, double d) {
        double t = t0 + d;
        if (t >= days) {
            return; // still open when the log ends
        }
        double[] p = funnel.probs(s).clone();
        int stall = funnel.stalledExit(s);
        if (stall >= 0) {
            double moving = 1 - p[stall];
            p[stall] = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] /= moving;
            }
        }
        MonthEffects.shift(p, chain.advanceExit(s), shift[month(t)], p);
        double u = rng.nextDouble();
        int e = p.length - 1;
        double cum = 0;
        for (int i = 0; i < p.length; i++) {
            cum += p[i];
            if (u < cum) {
                e = i;
                break;
            }
        }
        int dest = funnel.dest(s, e);
        if (dest == funnel.won() && !push.isNone()) {
            t = push.after(t0, d);
        }
        rows.add(new LogLine(id, funnel.id(dest), t, null, null));
        if (dest < funnel.won()) {
            enter(id, dest, t);
        }
    }

    private int month(double t) {
        int k = 0;
        while (t >= start[k + 1]) {
            k++;
        }
        return Math.max(0, k);
    }
}
