package funnelcast.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.DwellFit;
import funnelcast.calibrate.Horizon;
import funnelcast.calibrate.MonthFit;
import funnelcast.calibrate.PushFit;
import funnelcast.history.Reading;
import funnelcast.law.Law;
import funnelcast.law.LogNormal;
import funnelcast.model.MonthEffects;
import funnelcast.model.WorkCalendar;
import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** How the command prints the calibration: its table and its JSON. */
final class CalibrationOutput {
    private CalibrationOutput() {
    }


    static View json(Calibration c, Horizon horizon, Reading reading) {
        Calibration.InflowFit in = c.inflow();
        return new View(c.source(), c.asOf(), horizon, c.entry(), c.notes(),
            new Inflow(in.deals(), in.days(), in.perDay(), in.lower(), in.upper()), c.openDeals(), Months.of(c.months()),
            c.stages().stream().map(Stage::of).toList(), Assumptions.of(c, reading));
    }

    /**
     * What the calibration assumed, said rather than silent: how the file was read (funnel
     * inspect's reading), the working-day calendar, and the deal value fitted.
     */
    record Assumptions(Reading read, Calendar calendar, String dealValue) {
        static Assumptions of(Calibration c, Reading reading) {
            WorkCalendar cal = c.scenario().calendar();
            return new Assumptions(reading, new Calendar(cal.weekdays().stream().sorted().toList(), List.copyOf(cal.holidays()),
                List.copyOf(cal.workdays())), c.scenario().dealValue().map(CalibrationOutput::dealValue).orElse(null));
        }
    }

    /** The deal value as a person reads it: the lognormal's median and sigma, rounded. */
    private static String dealValue(Law law) {
        return law instanceof LogNormal ln ? String.format(Locale.ROOT, "lognormal, median %,.0f, sigma %.2f", ln.median(),
            ln.sigma()) : law.describe();
    }

    /** The working days: weekdays, holidays and make-up working days ({@code --weekdays}, {@code --holidays}, {@code --workdays}). */
    record Calendar(List<DayOfWeek> weekdays, List<LocalDate> holidays, List<LocalDate> workdays) {
    }

    /** The calibration as --json prints it. */
    record View(String source, LocalDate asOf, Horizon horizon, String entry, List<String> notes, Inflow inflow, int openDeals,
                Months monthEffects, List<Stage> stages, Assumptions assumptions) {
    }

    record Inflow(int deals, double days, double perDay, double lower90, double upper90) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stage(String id, int completedVisits, int openVisits, List<Exit> exits, String bestDwell, boolean exitSpecificDwells,
                 double stalled, double kmDistance, List<Fit> dwellFits, Collection<Calibration.RepRate> reps) {
        static Stage of(Calibration.StageFit s) {
            return new Stage(s.id(), s.completed(), s.open(), s.exits().stream().map(e -> new Exit(e.to(), e.count(),
                e.observed(), e.fromOpen(), e.probability(), e.lower(), e.upper())).toList(), s.best().family(), s.exitSpecific(), s.stalled(), s.kmDistance(),
                s.fits().stream().map(Fit::of).toList(), s.reps().isEmpty() ? null : s.reps().values());
        }
    }

    /**
     * An exit: {@code count} is what the scenario's exitCounts hold, {@code observed} the completed
     * visits that took it and {@code expectedFromOpen} the open visits' expected exits (0 unless the
     * dwells are exit-specific), so that count = observed + expectedFromOpen.
     */
    record Exit(String to, double count, int observed, double expectedFromOpen, double probability, double lower90,
                double upper90) {
    }

    /** A family's fit, each parameter with its estimate and 90% interval. */
    record Fit(String family, double aic, double kmDistance, Map<String, Estimate> parameters) {
        static Fit of(DwellFit f) {
            String[] names = f.parameterNames();
            return new Fit(f.family(), f.aic(), f.kmDistance(), IntStream.range(0, names.length).boxed().collect(
                Collectors.toMap(i -> names[i], i -> new Estimate(f.estimates()[i], f.lower()[i], f.upper()[i]), (a, b) -> a,
                    LinkedHashMap::new)));
        }
    }

    record Estimate(double estimate, double lower90, double upper90) {
    }

    /** The month effects, each series' fit, why, and the past months they were measured on. */
    record Months(Spread inflow, Shift conversion, double pace, Push pushFit, Series conversionFit, Series paceFit,
                  Series inflowFit, List<String> reasons, List<Past> pastMonths) {
        static Months of(MonthFit m) {
            MonthEffects e = m.effects();
            PushFit p = m.push();
            return new Months(new Spread(e.inflowFactor(), e.inflowCv()), new Shift(e.conversionShift(), e.conversionSd()),
                e.pace(), new Push(p.quarterly() ? "quarter" : "month", PushFit.DAYS, p.windowWins(), p.windowExpected(),
                p.otherWins(), p.otherExpected(), p.factor(), p.evidence(), p.kept()), Series.of(m.conversion()),
                Series.of(m.pace()), Series.of(m.inflow()), m.reasons(), m.past().stream().map(Past::of).toList());
        }
    }

    record Spread(double factor, double cv) {
    }

    record Shift(double shift, double sd) {
    }

    record Push(String period, int days, double windowWins, double windowExpected, double otherWins, double otherExpected,
                double factor, double evidenceNats, boolean kept) {
    }

    /** One series' fit; a half-life of -1 is no weighting by recency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Series(int months, double halfLifeMonths, boolean seasonal, Double seasonalEvidenceNats, double level,
                  double[] monthOfQuarter, double monthSd, double forecastMean, double forecastSd) {
        static Series of(MonthFit.SeriesFit p) {
            return new Series(p.months(), Double.isFinite(p.halfLife()) ? p.halfLife() : -1, p.seasonal(),
                Double.isNaN(p.seasonalEvidence()) ? null : p.seasonalEvidence(), p.level(), Arrays.copyOf(p.season(), 3), p.tau(),
                p.mean(), p.sd());
        }
    }

    record Past(YearMonth month, int newDeals, double workingDays, double advances, double expectedAdvances, double others,
                double expectedOthers, double shift, double pace) {
        static Past of(MonthFit.PastMonth p) {
            return new Past(p.month(), p.entries(), p.workingDays(), p.advances(), p.expectedAdvances(), p.others(),
                p.expectedOthers(), p.shift(), Math.exp(p.pace()));
        }
    }

    private static void printAssumptions(PrintWriter o, Assumptions a) {
        Reading r = a.read();
        if (!r.format().isEmpty()) {
            StringBuilder b = new StringBuilder("Read as an " + r.format() + ", " + r.rows() + " rows; dates: ");
            b.append(String.join("; ", r.dates().stream().map(d -> d.column() + " " + d.rule()).toList()));
            if (r.amounts() != null) {
                b.append(String.format(Locale.ROOT, "; amounts (%s): %d read, %d blank", r.amounts().column(), r.amounts().read(),
                    r.amounts().blank()));
            }
            b.append(r.format().equals("opportunity table") ? "; outcomes: " : "; stages: ");
            b.append(String.join(", ", r.names().stream().map(n -> String.format(Locale.ROOT, "'%s' -> %s (%d)", n.value(),
                n.became(), n.rows())).toList()));
            if (!r.footer().isEmpty()) {
                b.append(String.format(Locale.ROOT, "; %d footer lines skipped", r.footer().size()));
            }
            o.printf(Locale.ROOT, "%s (funnel inspect shows it all).%n", b);
        }
        o.printf(Locale.ROOT, "Calendar: working days %s, %d holidays, %d make-up working days (--weekdays, --holidays, "
            + "--workdays).%n", String.join(" ", a.calendar().weekdays().stream().map(d -> d.getDisplayName(TextStyle.SHORT,
            Locale.ROOT)).toList()), a.calendar().holidays().size(), a.calendar().workdays().size());
        o.printf(Locale.ROOT, "Deal value: %s.%n", a.dealValue() == null ? "none (fewer than 5 won deals with an amount)"
            : a.dealValue() + ", fitted to the amounts of the deals won by the as-of date");
    }

    static void printMonths(PrintWriter o, MonthFit m) {
        o.printf(Locale.ROOT, "%nMonth effects (%s):%n", m.effects().describe());
        m.reasons().forEach(r -> o.printf(Locale.ROOT, "   %s%n", r));
        MonthFit.SeriesFit c = m.conversion();
        o.printf(Locale.ROOT, "   conversion: log odds level %+.3f, month of quarter %+.2f/%+.2f/%+.2f, month sd %.3f; "
            + "this horizon %+.3f (sd %.3f)%n", c.level(), c.season()[0], c.season()[1], c.season()[2], c.tau(), c.mean(),
            c.sd());
        MonthFit.SeriesFit pace = m.pace();
        o.printf(Locale.ROOT, "   pace: log level %+.3f, month of quarter %+.2f/%+.2f/%+.2f, month sd %.3f; "
            + "this horizon x%.3f%s%n", pace.level(), pace.season()[0], pace.season()[1], pace.season()[2], pace.tau(),
            Math.exp(pace.mean()), m.effects().pace() == 1 ? " (measured, applied only with --pace)" : "");
        MonthFit.SeriesFit i = m.inflow();
        o.printf(Locale.ROOT, "   inflow: %.3f a working day, month of quarter x%.2f/x%.2f/x%.2f, month cv %.3f; "
            + "this horizon %.3f a day (cv %.3f)%n", i.level(), i.season()[0], i.season()[1], i.season()[2], i.tau(), i.mean(),
            i.sd());
        if (!m.past().isEmpty()) {
            o.printf(Locale.ROOT, "   %-8s %9s %17s %17s %8s %6s%n", "month", "new deals", "advances (exp.)", "other exits (exp.)",
                "shift", "pace");
            for (MonthFit.PastMonth p : m.past()) {
                o.printf(Locale.ROOT, "   %-8s %9d %7.0f (%7.1f) %7.0f (%7.1f) %+8.2f %6.2f%n", p.month(),
                    p.entries(), p.advances(), p.expectedAdvances(), p.others(), p.expectedOthers(), p.shift(),
                    Math.exp(p.pace()));
            }
        }
    }

    /** "shape 1.82 (1.62..2.05)  scale 1.75 (1.53..2.00)": each parameter with its 90% interval. */
    private static String parameters(DwellFit f) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.estimates().length; i++) {
            b.append(String.format(Locale.ROOT, "%s %.3g (%.3g..%.3g)  ", f.parameterNames()[i], f.estimates()[i], f.lower()[i],
                f.upper()[i]));
        }
        return b.toString().trim();
    }

    static void print(PrintWriter o, Calibration c, Horizon horizon, Reading reading) {
        o.printf(Locale.ROOT, "Calibrated from %s as of %s: entry stage '%s', %d open deals.%n", c.source(), c.asOf(), c.entry(),
            c.openDeals());
        o.printf(Locale.ROOT, "Horizon: %s .. %s, %d working days (%s).%n", horizon.start(), horizon.end(), horizon.workingDays(),
            horizon.why());
        printAssumptions(o, Assumptions.of(c, reading));
        Calibration.InflowFit in = c.inflow();
        c.notes().forEach(n -> o.printf(Locale.ROOT, "note: %s%n", n));
        o.printf(Locale.ROOT, "Inflow: %d new deals over %.0f working days (%s .. %s) = %.3f a day (90%%: %.3f .. %.3f).%n",
            in.deals(), in.days(), in.from(), in.to(), in.perDay(), in.lower(), in.upper());
        for (Calibration.StageFit s : c.stages()) {
            o.printf(Locale.ROOT, "%n== %s: %d completed visits, %d still open (censored)%n", s.id(), s.completed(), s.open());
            boolean open = s.exits().stream().anyMatch(e -> e.fromOpen() != 0);
            o.printf(Locale.ROOT, "   %-12s %9s%s %7s   %s%n", "exit", "observed", open ? String.format(Locale.ROOT, " %14s",
                "+ open (exp.)") : "", "p", "90% interval");
            for (Calibration.ExitRate e : s.exits()) {
                o.printf(Locale.ROOT, "   %-12s %9d%s %7.3f   %.3f .. %.3f%n", e.to(), e.observed(), open
                    ? String.format(Locale.ROOT, " %14.1f", e.fromOpen()) : "", e.probability(), e.lower(), e.upper());
            }
            o.printf(Locale.ROOT, "   dwell (working days)   AIC      KM dist  parameters (90%% interval)%n");
            for (DwellFit f : s.fits()) {
                o.printf(Locale.ROOT, " %s %-12s %10.1f %8.3f  %s%n", f == s.best() ? "*" : " ", f.family(), f.aic(), f.kmDistance(),
                    parameters(f));
            }
            if (s.exitModel() != null) {
                o.printf(Locale.ROOT, "   exit-specific dwells (EM, open visits shared among exits): AIC %.1f vs pooled %.1f -> %s%n",
                    s.exitModel().aic(), s.pooledAic(), s.exitSpecific() ? "chosen" : "not chosen");
                for (var e : s.exitModel().fits().entrySet()) {
                    DwellFit f = e.getValue();
                    o.printf(Locale.ROOT, "     to %-10s %-12s %s%n", e.getKey(), f.family(), parameters(f));
                }
            }
            if (s.stalled() > 0) {
                o.printf(Locale.ROOT, "   stalled: %.1f%% of visits never move on (the Kaplan-Meier plateau past the longest completed "
                    + "dwell, where open visits wait that nothing older ever left); an open deal is the likelier stalled "
                    + "the older it is (funnel review shows it)%n", 100 * s.stalled());
            }
            o.printf(Locale.ROOT, "   KM distance of the chosen model: %.3f%n", s.kmDistance());
            if (!s.reps().isEmpty()) {
                o.printf(Locale.ROOT, "   per rep (conversion to the advance exit): raw -> shrunk toward the team%n");
                for (Calibration.RepRate r : s.reps().values()) {
                    o.printf(Locale.ROOT, "     %-20s %4d/%-4d  %6.3f -> %6.3f%n", r.rep(), r.advanced(), r.visits(), r.raw(), r.shrunk());
                }
            }
        }
        printMonths(o, c.months());
        o.printf(Locale.ROOT, "%n* = chosen by AIC. KM dist = the largest gap between the fitted survival and the Kaplan-Meier curve.%n");
    }
}
