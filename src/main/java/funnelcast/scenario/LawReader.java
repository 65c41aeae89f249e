package funnelcast.scenario;

import funnelcast.law.Law;
import funnelcast.law.Family;
import funnelcast.law.ParameterException;
import funnelcast.model.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code {"dist": "lognormal", "median": 3, "sigma": 0.8}} and its siblings: the families {@link Family} lists. */
final class LawReader {
    private LawReader() {
    }

    static Law read(JsonAt node) {
        node.object();
        JsonAt kindNode = node.field("dist");
        Family family = kindNode.isMissing() || !kindNode.json().isTextual() ? null : Family.named(kindNode.text());
        if (family == null) {
            throw kindNode.error("one of " + String.join(", ", Family.ids()));
        }
        List<String> parameters = family.parameters();
        node.allowKeys(concat("dist", parameters));
        try {
            double[] values = family == Family.EMPIRICAL ? values(node.field("values"))
                : parameters.stream().mapToDouble(name -> node.field(name).number()).toArray();
            return family.of(values);
        } catch (ParameterException e) {
            String path = parameters.contains(e.parameter()) ? node.field(e.parameter()).path() : node.path();
            throw new ScenarioException(path, e.getMessage());
        }
    }

    private static double[] values(JsonAt node) {
        List<JsonAt> items = node.list();
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = items.get(i).nonNegative();
        }
        return values;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
