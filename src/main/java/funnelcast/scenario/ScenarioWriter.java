package funnelcast.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.Mappers;
import funnelcast.dist.Distribution;
import funnelcast.dist.Family;
import funnelcast.model.Exit;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import funnelcast.model.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;


/** Writes a scenario in the format {@link ScenarioReader} reads: what calibration hands to forecast. */
public final class ScenarioWriter {
    private static final ObjectMapper MAPPER = Mappers.OUTPUT;

    private ScenarioWriter() {
    }

    public static String json(Scenario s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", s.name());
        ObjectNode cal = root.putObject("calendar");
        cal.put("start", s.calendar().start().toString());
        cal.put("end", s.calendar().end().toString());
        ArrayNode weekdays = cal.putArray("weekdays");
        for (DayOfWeek d : DayOfWeek.values()) {
            if (s.calendar().weekdays().contains(d)) {
                weekdays.add(WorkCalendar.code(d));
            }
        }
        ArrayNode holidays = cal.putArray("holidays");
        for (LocalDate h : s.calendar().holidays()) {
            holidays.add(h.toString());
        }
        if (!s.calendar().workdays().isEmpty()) {
            ArrayNode workdays = cal.putArray("workdays");
            for (LocalDate w : s.calendar().workdays()) {
                workdays.add(w.toString());
            }
        }
        root.put("entry", s.entry());
        ArrayNode stages = root.putArray("stages");
        for (Stage st : s.stages()) {
            ObjectNode n = stages.addObject();
            n.put("id", st.id());
            if (!st.label().equals(st.id())) {
                n.put("label", st.label());
            }
            if (st.exitCounts().isEmpty()) {
                ObjectNode exits = n.putObject("exits");
                st.exits().forEach(e -> exits.put(e.to(), e.probability()));
            } else {
                ObjectNode counts = n.putObject("exitCounts");
                for (Exit e : st.exits()) {
                    counts.put(e.to(), st.exitCounts().get(e.to()));
                }
            }
            n.set("dwell", dist(st.dwell()));
            if (st.stalled() > 0) {
                n.put("stalled", st.stalled());
            }
            if (st.hasExitDwell()) {
                ObjectNode ed = n.putObject("exitDwell");
                st.exits().stream().filter(Exit::ownDwell).forEach(e -> ed.set(e.to(), dist(e.dwell())));
            }
            if (!st.criteria().isEmpty()) {
                st.criteria().forEach(n.putArray("criteria")::add);
            }
            if (!st.questions().isEmpty()) {
                st.questions().forEach(n.putArray("questions")::add);
            }
        }
        if (s.inflow().team() != null) {
            ObjectNode in = root.putObject("inflow");
            in.put("perRepPerDay", s.inflow().team().perRepPerDay());
            ObjectNode team = in.putObject("team");
            team.put("rampDays", s.inflow().team().rampDays());
            ArrayNode reps = team.putArray("reps");
            for (var r : s.inflow().team().reps()) {
                ObjectNode rep = reps.addObject().put("id", r.id());
                if (r.start() != null) {
                    rep.put("start", r.start().toString());
                }
                if (!r.daysOff().isEmpty()) {
                    ArrayNode off = rep.putArray("daysOff");
                    r.daysOff().forEach(d -> off.add(d.toString()));
                }
            }
        } else if (s.inflow().perDay() > 0 || s.inflow().observed() != null) {
            ObjectNode in = root.putObject("inflow");
            if (s.inflow().perRep()) {
                in.put("perRepPerDay", s.inflow().perRepPerDay());
                in.put("reps", s.inflow().reps());
            } else {
                in.put("perDay", s.inflow().perDay());
            }
            if (s.inflow().observed() != null) {
                ObjectNode obs = in.putObject("observed");
                obs.put("deals", s.inflow().observed().deals());
                obs.put("days", s.inflow().observed().days());
            }
        }
        ArrayNode pipeline = root.putArray("pipeline");
        for (PipelineDeal d : s.pipeline()) {
            ObjectNode n = pipeline.addObject();
            if (d.id() != null) {
                n.put("id", d.id());
            }
            n.put("stage", d.stage());
            n.put("age", d.age());
            if (d.id() == null) {
                n.put("count", d.count());
            }
            d.value().ifPresent(v -> n.put("value", v));
            if (d.rep() != null) {
                n.put("rep", d.rep());
            }
        }
        if (s.target().wins().isPresent() || s.target().alreadyWon() > 0) {
            ObjectNode t = root.putObject("target");
            s.target().wins().ifPresent(w -> t.put("wins", w));
            t.put("alreadyWon", s.target().alreadyWon());
            s.target().revenue().ifPresent(r -> t.put("revenue", r));
        }
        s.dealValue().ifPresent(v -> root.set("dealValue", dist(v)));
        MonthEffects m = s.monthEffects();
        if (!m.isNone()) {
            ObjectNode effects = root.putObject("monthEffects");
            effects.putObject("inflow").put("factor", m.inflowFactor()).put("cv", m.inflowCv());
            effects.putObject("conversion").put("shift", m.conversionShift()).put("sd", m.conversionSd());
            effects.put("pace", m.pace());
            if (!m.push().isNone()) {
                effects.putObject("push").put("factor", m.push().factor()).put("days", m.push().days())
                    .put("period", m.push().quarterly() ? "quarter" : "month");
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A law as the file writes it: its family's name, then its parameters in the family's order. */
    static ObjectNode dist(Distribution d) {
        Family family = Family.of(d);
        ObjectNode n = MAPPER.createObjectNode().put("dist", family.id());
        double[] values = family.values(d);
        if (family == Family.EMPIRICAL) {
            ArrayNode v = n.putArray("values");
            for (double x : values) {
                v.add(x);
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                n.put(family.parameters().get(i), values[i]);
            }
        }
        return n;
    }

}
