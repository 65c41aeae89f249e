package funnelcast.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import funnelcast.Mappers;
import funnelcast.law.Law;
import funnelcast.law.Family;
import funnelcast.model.ClosingPush;
import funnelcast.model.Exit;
import funnelcast.model.Inflow;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import funnelcast.model.Team;
import funnelcast.model.WorkCalendar;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a scenario in the format {@link ScenarioReader} reads: what calibration hands to
 * forecast. The document is a tree of records, each key the field docs/scenario-format.md names,
 * in its order; an absent optional field is a null and is left out. A law is written by its
 * {@link Family}: {@code "dist"}, then its parameters in the family's order.
 */
public final class ScenarioWriter {
    private static final ObjectMapper MAPPER = Mappers.OUTPUT.copy().registerModule(new SimpleModule("scenario")
        .addSerializer(Law.class, new LawSerializer()));

    private ScenarioWriter() {
    }

    public static String json(Scenario s) {
        try {
            return MAPPER.writeValueAsString(Document.of(s)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A law as the file writes it, as a tree. */
    public static JsonNode tree(Law law) {
        return MAPPER.valueToTree(law);
    }

    /** A law as the file writes it: its family's name, then its parameters in the family's order. */
    private static final class LawSerializer extends StdSerializer<Law> {
        private static final long serialVersionUID = 1L;

        LawSerializer() {
            super(Law.class);
        }

        @Override
        public void serialize(Law law, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Family family = Family.of(law);
            double[] values = family.values(law);
            gen.writeStartObject();
            gen.writeStringField("dist", family.id());
            if (family == Family.EMPIRICAL) {
                gen.writeFieldName("values");
                gen.writeArray(values, 0, values.length);
            } else {
                for (int i = 0; i < values.length; i++) {
                    gen.writeNumberField(family.parameters().get(i), values[i]);
                }
            }
            gen.writeEndObject();
        }
    }

    /** Keys in the order given, values from the function. */
    private static <T, V> Map<String, V> ordered(List<T> items, Function<T, String> key, Function<T, V> value) {
        return items.stream().collect(Collectors.toMap(key, value, (a, b) -> a, LinkedHashMap::new));
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Document(String name, CalendarDoc calendar, String entry, List<StageDoc> stages, InflowDoc inflow,
                            List<DealDoc> pipeline, TargetDoc target, Law dealValue, EffectsDoc monthEffects) {
        static Document of(Scenario s) {
            boolean target = s.target().wins().isPresent() || s.target().alreadyWon() > 0;
            return new Document(s.name(), CalendarDoc.of(s.calendar()), s.entry(),
                s.stages().stream().map(StageDoc::of).toList(), InflowDoc.of(s.inflow()),
                s.pipeline().stream().map(DealDoc::of).toList(),
                target ? new TargetDoc(s.target().wins().isPresent() ? s.target().wins().getAsInt() : null,
                    s.target().alreadyWon(), s.target().revenue().isPresent() ? s.target().revenue().getAsDouble() : null) : null,
                s.dealValue().orElse(null), s.monthEffects().isNone() ? null : EffectsDoc.of(s.monthEffects()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record CalendarDoc(LocalDate start, LocalDate end, List<String> weekdays, List<LocalDate> holidays,
                               List<LocalDate> workdays) {
        static CalendarDoc of(WorkCalendar c) {
            return new CalendarDoc(c.start(), c.end(), c.weekdays().stream().sorted().map(WorkCalendar::code).toList(),
                List.copyOf(c.holidays()), orNull(List.copyOf(c.workdays())));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record StageDoc(String id, String label, Map<String, Double> exits, Map<String, Double> exitCounts,
                            Law dwell, Double stalled, Map<String, Law> exitDwell, List<String> criteria,
                            List<String> questions, List<String> skills) {
        static StageDoc of(Stage st) {
            boolean counts = !st.exitCounts().isEmpty();
            return new StageDoc(st.id(), st.label().equals(st.id()) ? null : st.label(),
                counts ? null : ordered(st.exits(), Exit::to, Exit::probability),
                counts ? ordered(st.exits(), Exit::to, e -> st.exitCounts().get(e.to())) : null,
                st.dwell(), st.stalled() > 0 ? st.stalled() : null,
                st.hasExitDwell() ? ordered(st.exits().stream().filter(Exit::ownDwell).toList(), Exit::to, Exit::dwell) : null,
                orNull(st.criteria()), orNull(st.questions()), orNull(st.skills()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record InflowDoc(Double perRepPerDay, Double reps, Double perDay, TeamDoc team, Inflow.Observed observed) {
        static InflowDoc of(Inflow in) {
            if (in.team() != null) {
                return new InflowDoc(in.team().perRepPerDay(), null, null, TeamDoc.of(in.team()), null);
            }
            if (in.perDay() > 0 || in.observed() != null) {
                return in.perRep() ? new InflowDoc(in.perRepPerDay(), in.reps(), null, null, in.observed())
                    : new InflowDoc(null, null, in.perDay(), null, in.observed());
            }
            return null;
        }
    }

    private record TeamDoc(int rampDays, List<RepDoc> reps) {
        static TeamDoc of(Team t) {
            return new TeamDoc(t.rampDays(), t.reps().stream().map(r -> new RepDoc(r.id(), r.start(),
                orNull(List.copyOf(r.daysOff())))).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record RepDoc(String id, LocalDate start, List<LocalDate> daysOff) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record DealDoc(String id, String stage, double age, Integer count, Double value, String rep, String name) {
        static DealDoc of(PipelineDeal d) {
            return new DealDoc(d.id(), d.stage(), d.age(), d.id() == null ? d.count() : null,
                d.value().isPresent() ? d.value().getAsDouble() : null, d.rep(), d.name());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record TargetDoc(Integer wins, int alreadyWon, Double revenue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record EffectsDoc(Spread inflow, Shift conversion, double pace, PushDoc push) {
        static EffectsDoc of(MonthEffects m) {
            ClosingPush p = m.push();
            return new EffectsDoc(new Spread(m.inflowFactor(), m.inflowCv()), new Shift(m.conversionShift(), m.conversionSd()),
                m.pace(), p.isNone() ? null : new PushDoc(p.factor(), p.days(), p.quarterly() ? "quarter" : "month"));
        }
    }

    private record Spread(double factor, double cv) {
    }

    private record Shift(double shift, double sd) {
    }

    private record PushDoc(double factor, int days, String period) {
    }
}
