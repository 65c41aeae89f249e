package funnelcast.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.law.Law;
import funnelcast.law.Empirical;
import funnelcast.law.Exponential;
import funnelcast.law.Fixed;
import funnelcast.law.Gamma;
import funnelcast.law.LogNormal;
import funnelcast.law.Uniform;
import funnelcast.law.Weibull;
import funnelcast.scenario.ScenarioWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid scenario built from random choices ({@link Choices}, which jqwik shrinks): 1-4 stages with random exits (loops, self-loops and
 * fall-backs included, every stage with a way to won or lost), every dwell family, exit-specific
 * dwells, aged pipeline deals below their stage's support, calendars with holidays and odd
 * weekdays. No dwell has an atom at 0, so no loop can be run in zero time.
 */
final class RandomScenario {
    static final ObjectMapper JSON = new ObjectMapper();
    final ObjectNode root;
    final int stages;

    /** The scenario these choices make; the choices left over serve the caller (a mutation to try). */
    RandomScenario(Choices r, boolean withInflow) {
        root = JSON.createObjectNode();
        root.put("name", "random");
        ObjectNode cal = root.putObject("calendar");
        LocalDate start = LocalDate.parse("2026-01-05").plusDays(r.nextInt(300));
        int length = 7 + r.nextInt(24);
        cal.put("start", start.toString());
        cal.put("end", start.plusDays(length - 1).toString());
        ArrayNode weekdays = cal.putArray("weekdays");
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= 5 || r.nextInt(4) == 0) {
                weekdays.add(d.name().substring(0, 3));
            }
        }
        ArrayNode holidays = cal.putArray("holidays");
        for (int i = r.nextInt(3); i > 0; i--) {
            holidays.add(start.plusDays(r.nextInt(length)).toString());
        }
        stages = 1 + r.nextInt(4);
        root.put("entry", "s0");
        ArrayNode list = root.putArray("stages");
        List<Double> support = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            ObjectNode st = list.addObject();
            st.put("id", "s" + s);
            List<String> dests = new ArrayList<>();
            dests.add(r.nextBoolean() ? "won" : "lost");
            for (String d : new String[] {"won", "lost"}) {
                if (!dests.contains(d) && r.nextInt(3) > 0) {
                    dests.add(d);
                }
            }
            for (int t = 0; t < stages; t++) {
                if (r.nextInt(3) == 0 || t == s + 1) {
                    dests.add("s" + t);
                }
            }
            double[] w = new double[dests.size()];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = 0.05 + r.nextDouble();
                sum += w[i];
            }
            boolean counts = r.nextInt(4) == 0;
            ObjectNode exits = st.putObject(counts ? "exitCounts" : "exits");
            double used = 0;
            for (int i = 0; i < w.length; i++) {
                if (counts) {
                    exits.put(dests.get(i), 1 + r.nextInt(50));
                } else {
                    double p = i == w.length - 1 ? 1 - used : w[i] / sum;
                    used += p;
                    exits.put(dests.get(i), p);
                }
            }
            Law dwell = law(r);
            st.set("dwell", node(dwell));
            double sup = dwell.supportUpperBound();
            if (r.nextInt(3) == 0) {
                ObjectNode ed = st.putObject("exitDwell");
                Law own = law(r);
                ed.set(dests.get(0), node(own));
                // with a single exit, the stage's own dwell is used by no exit
                sup = dests.size() == 1 ? own.supportUpperBound() : Math.max(sup, own.supportUpperBound());
            }
            support.add(sup);
        }
        if (withInflow && r.nextInt(4) > 0) {
            root.putObject("inflow").put("perDay", 0.2 + 4 * r.nextDouble());
        }
        ArrayNode pipeline = root.putArray("pipeline");
        for (int i = r.nextInt(5); i > 0; i--) {
            int s = r.nextInt(stages);
            double age = r.nextDouble() * Math.min(6, 0.9 * support.get(s));
            var entry = pipeline.addObject().put("stage", "s" + s).put("count", 1 + r.nextInt(5)).put("age", age);
            if (r.nextInt(3) == 0) {
                entry.put("value", 500 + r.nextInt(20_000)); // the deal's own value, kept along its path
            }
        }
        root.putObject("target").put("wins", r.nextInt(12)).put("alreadyWon", r.nextInt(3));
        if (r.nextBoolean()) {
            root.set("dealValue", node(new LogNormal(1000 + r.nextInt(9000), 0.5)));
        }
    }

    static Law law(Choices r) {
        return switch (r.nextInt(7)) {
            case 0 -> new Exponential(0.5 + 4 * r.nextDouble());
            case 1 -> new LogNormal(0.5 + 4 * r.nextDouble(), 0.2 + r.nextDouble());
            case 2 -> new Gamma(0.6 + 3 * r.nextDouble(), 0.3 + 2.5 * r.nextDouble());
            case 3 -> new Weibull(0.7 + 2.3 * r.nextDouble(), 0.5 + 4 * r.nextDouble());
            case 4 -> new Fixed(0.5 + 4 * r.nextDouble());
            case 5 -> {
                double lo = 2 * r.nextDouble();
                yield new Uniform(lo, lo + 0.5 + 3 * r.nextDouble());
            }
            default -> {
                double[] v = new double[3 + r.nextInt(4)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 0.2 + 6 * r.nextDouble();
                }
                yield new Empirical(v);
            }
        };
    }

    static ObjectNode node(Law d) {
        // the writer's own mapping keeps generator and format in step
        return (ObjectNode) ScenarioWriter.tree(d);
    }

    String json() {
        return root.toString();
    }
}
