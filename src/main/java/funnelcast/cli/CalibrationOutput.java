package funnelcast.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.calibrate.Calibration;
import funnelcast.calibrate.DwellFit;
import funnelcast.calibrate.Horizon;
import funnelcast.calibrate.MonthFit;
import funnelcast.calibrate.PushFit;
import funnelcast.model.MonthEffects;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How the command prints the calibration: its table and its JSON. */
final class CalibrationOutput {
    private CalibrationOutput() {
    }


    static ObjectNode json(Calibration c, Horizon horizon) {
        ObjectNode root = Json.object();
        root.put("source", c.source());
        root.put("asOf", c.asOf().toString());
        root.putObject("horizon").put("start", horizon.start().toString()).put("end", horizon.end().toString())
            .put("workingDays", horizon.workingDays()).put("why", horizon.why());
        root.put("entry", c.entry());
        ArrayNode notes = root.putArray("notes");
        c.notes().forEach(notes::add);
        ObjectNode in = root.putObject("inflow");
        in.put("deals", c.inflow().deals());
        in.put("days", c.inflow().days());
        in.put("perDay", c.inflow().perDay());
        in.put("lower90", c.inflow().lower());
        in.put("upper90", c.inflow().upper());
        root.put("openDeals", c.openDeals());
        root.set("monthEffects", months(c.months()));
        ArrayNode stages = root.putArray("stages");
        for (Calibration.StageFit s : c.stages()) {
            ObjectNode n = stages.addObject();
            n.put("id", s.id());
            n.put("completedVisits", s.completed());
            n.put("openVisits", s.open());
            ArrayNode exits = n.putArray("exits");
            for (Calibration.ExitRate e : s.exits()) {
                exits.addObject().put("to", e.to()).put("count", e.count()).put("probability", e.probability())
                    .put("lower90", e.lower()).put("upper90", e.upper());
            }
            n.put("bestDwell", s.best().family());
            n.put("exitSpecificDwells", s.exitSpecific());
            n.put("stalled", s.stalled());
            n.put("kmDistance", s.kmDistance());
            ArrayNode fits = n.putArray("dwellFits");
            for (DwellFit f : s.fits()) {
                ObjectNode fn = fits.addObject();
                fn.put("family", f.family());
                fn.put("aic", f.aic());
                fn.put("kmDistance", f.kmDistance());
                ObjectNode params = fn.putObject("parameters");
                for (int i = 0; i < f.estimates().length; i++) {
                    params.putObject(f.parameterNames()[i]).put("estimate", f.estimates()[i])
                        .put("lower90", f.lower()[i]).put("upper90", f.upper()[i]);
                }
            }
            if (!s.reps().isEmpty()) {
                ArrayNode reps = n.putArray("reps");
                for (Calibration.RepRate r : s.reps().values()) {
                    reps.addObject().put("rep", r.rep()).put("visits", r.visits()).put("advanced", r.advanced())
                        .put("raw", r.raw()).put("shrunk", r.shrunk());
                }
            }
        }
        return root;
    }

    static ObjectNode months(MonthFit m) {
        ObjectNode n = Json.object();
        MonthEffects e = m.effects();
        n.putObject("inflow").put("factor", e.inflowFactor()).put("cv", e.inflowCv());
        n.putObject("conversion").put("shift", e.conversionShift()).put("sd", e.conversionSd());
        n.put("pace", e.pace());
        PushFit push = m.push();
        n.putObject("pushFit").put("period", push.quarterly() ? "quarter" : "month").put("days", PushFit.DAYS)
            .put("windowWins", push.windowWins()).put("windowExpected", push.windowExpected())
            .put("otherWins", push.otherWins()).put("otherExpected", push.otherExpected())
            .put("factor", push.factor()).put("evidenceNats", push.evidence()).put("kept", push.kept());
        for (MonthFit.Part p : List.of(m.conversion(), m.pace(), m.inflow())) {
            ObjectNode pn = n.putObject(p.name() + "Fit");
            pn.put("months", p.months());
            pn.put("halfLifeMonths", Double.isFinite(p.halfLife()) ? p.halfLife() : -1);
            pn.put("seasonal", p.seasonal());
            if (!Double.isNaN(p.seasonalEvidence())) {
                pn.put("seasonalEvidenceNats", p.seasonalEvidence());
            }
            pn.put("level", p.level());
            pn.putArray("monthOfQuarter").add(p.season()[0]).add(p.season()[1]).add(p.season()[2]);
            pn.put("monthSd", p.tau());
            pn.put("forecastMean", p.mean());
            pn.put("forecastSd", p.sd());
        }
        ArrayNode reasons = n.putArray("reasons");
        m.reasons().forEach(reasons::add);
        ArrayNode past = n.putArray("pastMonths");
        for (MonthFit.PastMonth p : m.past()) {
            past.addObject().put("month", p.month().toString()).put("newDeals", p.entries())
                .put("workingDays", p.workingDays()).put("advances", p.advances())
                .put("expectedAdvances", p.expectedAdvances()).put("others", p.others())
                .put("expectedOthers", p.expectedOthers()).put("shift", p.shift()).put("pace", Math.exp(p.pace()));
        }
        return n;
    }

    static void printMonths(PrintWriter o, MonthFit m) {
        o.printf(Locale.ROOT, "%nMonth effects (%s):%n", m.effects().describe());
        m.reasons().forEach(r -> o.printf(Locale.ROOT, "   %s%n", r));
        MonthFit.Part c = m.conversion();
        o.printf(Locale.ROOT, "   conversion: log odds level %+.3f, month of quarter %+.2f/%+.2f/%+.2f, month sd %.3f; "
            + "this horizon %+.3f (sd %.3f)%n", c.level(), c.season()[0], c.season()[1], c.season()[2], c.tau(), c.mean(),
            c.sd());
        MonthFit.Part pace = m.pace();
        o.printf(Locale.ROOT, "   pace: log level %+.3f, month of quarter %+.2f/%+.2f/%+.2f, month sd %.3f; "
            + "this horizon x%.3f%s%n", pace.level(), pace.season()[0], pace.season()[1], pace.season()[2], pace.tau(),
            Math.exp(pace.mean()), m.effects().pace() == 1 ? " (measured, applied only with --pace)" : "");
        MonthFit.Part i = m.inflow();
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

    static void print(PrintWriter o, Calibration c, Horizon horizon) {
        o.printf(Locale.ROOT, "Calibrated from %s as of %s: entry stage '%s', %d open deals.%n", c.source(), c.asOf(), c.entry(),
            c.openDeals());
        o.printf(Locale.ROOT, "Horizon: %s .. %s, %d working days (%s).%n", horizon.start(), horizon.end(), horizon.workingDays(),
            horizon.why());
        Calibration.InflowFit in = c.inflow();
        c.notes().forEach(n -> o.printf(Locale.ROOT, "note: %s%n", n));
        o.printf(Locale.ROOT, "Inflow: %d new deals over %.0f working days (%s .. %s) = %.3f a day (90%%: %.3f .. %.3f).%n",
            in.deals(), in.days(), in.from(), in.to(), in.perDay(), in.lower(), in.upper());
        for (Calibration.StageFit s : c.stages()) {
            o.printf(Locale.ROOT, "%n== %s: %d completed visits, %d still open (censored)%n", s.id(), s.completed(), s.open());
            o.printf(Locale.ROOT, "   %-12s %9s %7s   %s%n", "exit", "count", "p", "90% interval");
            for (Calibration.ExitRate e : s.exits()) {
                o.printf(Locale.ROOT, "   %-12s %9.1f %7.3f   %.3f .. %.3f%n", e.to(), e.count(), e.probability(), e.lower(), e.upper());
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
