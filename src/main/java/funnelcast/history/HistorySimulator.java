package funnelcast.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import funnelcast.Mappers;
import funnelcast.engine.PathWalk;
import funnelcast.engine.WalkLog;
import funnelcast.engine.WalkMonths;
import funnelcast.model.Funnel;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.PushClock;
import funnelcast.model.Quarters;
import funnelcast.model.Scenario;
import funnelcast.model.WorkCalendar;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A synthetic event log from a scenario, for trainers and for tests: new deals arrive at the
 * entry stage as the scenario's Poisson inflow over {@code days} working days from the calendar's
 * start (the working weekdays and holidays of the scenario, continued past its end), the
 * pipeline's deals are dated back by their ages, and every deal follows the model to won, lost,
 * or the end of the log, where it is still open. Times are date-times in working time.
 *
 * <p>The deals walk on the engine's own kernel ({@link PathWalk}): exits, dwells, aged pipeline
 * deals, stalled shares and the closing push are the forecasts' own, so an ingredient of the
 * model reaches the histories it is tested on. A {@link MonthVariation} gives each calendar
 * month its own inflow factor and conversion shift, drawn first from the seed.
 */
public final class HistorySimulator {
    private HistorySimulator() {
    }

    public static List<LogLine> simulate(Funnel funnel, int days, long seed) {
        return simulate(funnel, days, seed, MonthVariation.NONE);
    }

    public static List<LogLine> simulate(Funnel funnel, int days, long seed, MonthVariation variation) {
        Scenario s = funnel.scenario();
        // the months' draws, and the reps new deals go to, come from a stream of their own
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed); // expanded by SplitMix64: every seed its own stream
        WalkLog log = variation == MonthVariation.NONE ? new WalkLog(days, null, null, null)
            : months(funnel, variation, days, rng);
        Funnel walked = Funnel.of(s.withMonthEffects(MonthEffects.NONE)); // the months are the log's, not one month's
        // the pipeline's deals, numbered as the walk numbers them, each logged at its entry, dated back by its age
        List<String> ids = new ArrayList<>();
        List<String> reps = new ArrayList<>();
        List<LogLine> rows = new ArrayList<>();
        int counter = 0;
        for (PipelineDeal d : s.pipeline()) {
            for (int c = 0; c < d.count(); c++) {
                String id = d.id() != null ? d.id() : String.format(Locale.ROOT, "P%05d", ++counter);
                ids.add(id);
                reps.add(d.rep());
                rows.add(new LogLine(id, d.stage(), -d.age(), d.rep(), null));
            }
        }
        int team = (int) Math.round(s.inflow().reps());
        int[] newDeals = {counter};
        PathWalk.run(walked, seed, log, (deal, stage, time, value) -> {
            while (deal >= ids.size()) { // a new deal, first seen at its arrival
                ids.add(String.format(Locale.ROOT, "D%06d", ++newDeals[0]));
                reps.add(team > 0 ? "rep" + (1 + rng.nextInt(team)) : null);
            }
            Double v = stage == walked.won() && value == value ? Double.valueOf(Math.round(value)) : null;
            rows.add(new LogLine(ids.get(deal), walked.id(stage), time, reps.get(deal), v));
        });
        rows.sort(Comparator.comparingDouble(LogLine::time));
        return rows;
    }

    /** The log's months: their starts in working time, inflow factors (Gamma, mean 1) and conversion shifts. */
    private static WalkLog months(Funnel funnel, MonthVariation v, int days, UniformRandomProvider rng) {
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
        double[] start = new double[n];
        double[] factor = new double[n];
        double[] shift = new double[n];
        var gamma = v.inflowCv() > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(rng, 1 / (v.inflowCv() * v.inflowCv()),
            v.inflowCv() * v.inflowCv()) : null;
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int k = 0; k < n; k++) {
            start[k] = starts.get(k);
            factor[k] = gamma == null ? 1 : gamma.sample();
            shift[k] = v.season()[positions.get(k)] + v.conversionSd() * normal.sample();
        }
        double[] daily = new double[days];
        double perDay = funnel.scenario().inflow().perDay();
        for (int d = 0, k = 0; d < days; d++) {
            while (k + 1 < n && d >= start[k + 1]) {
                k++;
            }
            daily[d] = perDay * factor[k];
        }
        PushClock push = v.push().isNone() ? null : v.push().clock(new WorkCalendar(v.start(),
            v.clock().dateTime(origin + days).toLocalDate(), v.clock().weekdays(), new TreeSet<>(v.clock().holidays())));
        return new WalkLog(days, daily, new WalkMonths(funnel, start, shift), push);
    }

    /**
     * Writes the rows as the history CSV, with working time turned into dates and times, through
     * Jackson's CSV writer: a field with a comma, a quote or a line break is quoted (quotes
     * doubled), so any deal id or rep name reads back unchanged.
     */
    public static void write(List<LogLine> rows, WorkClock clock, LocalDate start, Writer out) throws IOException {
        double origin = clock.at(start);
        CsvMapper mapper = Mappers.CSV;
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
