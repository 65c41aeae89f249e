package funnelcast.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import funnelcast.law.Law;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A synthetic event log from a scenario, for trainers and for tests: new deals arrive at the
 * entry stage as the scenario's Poisson inflow over {@code days} working days from the calendar's
 * start (the working weekdays and holidays of the scenario, continued past its end), the
 * pipeline's deals are dated back by their ages, and every deal follows the model to won, lost,
 * or the end of the log, where it is still open. Times are date-times in working time.
 */
public final class HistorySimulator {
    private HistorySimulator() {
    }

    public static List<LogLine> simulate(Funnel funnel, int days, long seed) {
        return simulate(funnel, days, seed, MonthVariation.NONE);
    }

    public static List<LogLine> simulate(Funnel funnel, int days, long seed, MonthVariation variation) {
        Scenario s = funnel.scenario();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed); // expanded by SplitMix64: every seed its own stream
        if (variation != MonthVariation.NONE) {
            return new VaryingMonths(funnel, variation, days, rng).simulate();
        }
        List<LogLine> rows = new ArrayList<>();
        int reps = (int) Math.round(s.inflow().reps());
        double end = days;
        int counter = 0;
        for (PipelineDeal d : s.pipeline()) {
            for (int c = 0; c < d.count(); c++) {
                String id = d.id() != null ? d.id() : String.format(Locale.ROOT, "P%05d", ++counter);
                double entered = -d.age();
                rows.add(new LogLine(id, d.stage(), entered, d.rep(), null));
                double[] weights = funnel.agedExitWeights(funnel.index(d.stage()), d.age());
                int e = pick(rng, weights);
                ContinuousSampler r = funnel.dwell(funnel.index(d.stage()), e).residualSampler(rng, d.age());
                follow(funnel, rng, rows, id, d.rep(), funnel.dest(funnel.index(d.stage()), e), r.sample(), end,
                    d.value().isPresent() ? d.value().getAsDouble() : null);
            }
        }
        double lambda = s.inflow().perDay();
        if (lambda > 0) {
            int n = PoissonSampler.of(rng, lambda * days).sample();
            double[] arrivals = new double[n];
            for (int i = 0; i < n; i++) {
                arrivals[i] = days * rng.nextDouble();
            }
            Arrays.sort(arrivals);
            for (double t : arrivals) {
                String id = String.format(Locale.ROOT, "D%06d", ++counter);
                String rep = reps > 0 ? "rep" + (1 + rng.nextInt(reps)) : null;
                rows.add(new LogLine(id, s.entry(), t, rep, null));
                visit(funnel, rng, rows, id, rep, funnel.entry(), t, end, null);
            }
        }
        rows.sort(Comparator.comparingDouble(LogLine::time));
        return rows;
    }

    private static int pick(UniformRandomProvider rng, double[] p) {
        double u = rng.nextDouble();
        double cum = 0;
        for (int i = 0; i < p.length; i++) {
            cum += p[i];
            if (u < cum) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** The deal has just entered stage s at time t (and is logged): it picks an exit and moves on. */
    private static void visit(Funnel f, UniformRandomProvider rng, List<LogLine> rows, String id, String rep, int s,
                              double t, double end, Double value) {
        double[] p = f.probs(s);
        int e = pick(rng, p);
        follow(f, rng, rows, id, rep, f.dest(s, e), f.dwell(s, e).sampler(rng).sample(), end, value, t);
    }

    private static void follow(Funnel f, UniformRandomProvider rng, List<LogLine> rows, String id, String rep, int dest,
                               double dwell, double end, Double value) {
        follow(f, rng, rows, id, rep, dest, dwell, end, value, 0.0);
    }

    private static void follow(Funnel f, UniformRandomProvider rng, List<LogLine> rows, String id, String rep, int dest,
                               double dwell, double end, Double value, double from) {
        double t = from + dwell;
        if (t >= end) {
            return; // still open when the log ends
        }
        if (dest == f.won()) {
            Double v = value;
            if (v == null && f.scenario().dealValue().isPresent()) {
                Law law = f.scenario().dealValue().get();
                v = (double) Math.round(law.sampler(rng).sample());
            }
            rows.add(new LogLine(id, Exit.WON, t, rep, v));
        } else if (dest == f.lost()) {
            rows.add(new LogLine(id, Exit.LOST, t, rep, null));
        } else {
            rows.add(new LogLine(id, f.id(dest), t, rep, null));
            visit(f, rng, rows, id, rep, dest, t, end, value);
        }
    }

    /**
     * Writes the rows as the history CSV, with working time turned into dates and times, through
     * Jackson's CSV writer: a field with a comma, a quote or a line break is quoted (quotes
     * doubled), so any deal id or rep name reads back unchanged.
     */
    public static void write(List<LogLine> rows, WorkClock clock, LocalDate start, Writer out) throws IOException {
        double origin = clock.at(start);
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumn("deal_id").addColumn("stage").addColumn("entered_at")
            .addColumn("rep").addColumn("value").setUseHeader(true).setLineSeparator("\n").build();
        try (SequenceWriter w = mapper.writer(schema).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            for (LogLine r : rows) {
                w.write(new String[] {r.deal(), r.stage(), clock.dateTime(origin + r.time()).toString(),
                    r.rep() == null ? "" : r.rep(), r.value() == null ? "" : String.format(Locale.ROOT, "%.0f", r.value())});
            }
        }
    }
}
