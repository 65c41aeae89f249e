package funnelcast.scenario;

import funnelcast.dist.Distribution;
import funnelcast.dist.Empirical;
import funnelcast.dist.Exponential;
import funnelcast.dist.Fixed;
import funnelcast.dist.Gamma;
import funnelcast.dist.LogNormal;
import funnelcast.dist.ParameterException;
import funnelcast.dist.Uniform;
import funnelcast.dist.Weibull;
import funnelcast.model.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code {"dist": "lognormal", "median": 3, "sigma": 0.8}} and its six siblings. */
final class DistributionReader {
    private static final Map<String, List<String>> PARAMETERS = Map.of(
        "exponential", List.of("mean"),
        "lognormal", List.of("median", "sigma"),
        "gamma", List.of("shape", "scale"),
        "weibull", List.of("shape", "scale"),
        "fixed", List.of("value"),
        "uniform", List.of("min", "max"),
        "empirical", List.of("values"));
    private static final List<String> KINDS =
        List.of("exponential", "lognormal", "gamma", "weibull", "fixed", "uniform", "empirical");

    private DistributionReader() {
    }

    static Distribution read(Node node) {
        node.object();
        Node kindNode = node.field("dist");
        String kind = kindNode.isMissing() || !kindNode.json().isTextual() ? null : kindNode.text();
        if (kind == null || !PARAMETERS.containsKey(kind)) {
            throw kindNode.error("one of " + String.join(", ", KINDS));
        }
        List<String> parameters = PARAMETERS.get(kind);
        node.allowKeys(concat("dist", parameters));
        try {
            return switch (kind) {
                case "exponential" -> new Exponential(node.field("mean").number());
                case "lognormal" -> new LogNormal(node.field("median").number(), node.field("sigma").number());
                case "gamma" -> new Gamma(node.field("shape").number(), node.field("scale").number());
                case "weibull" -> new Weibull(node.field("shape").number(), node.field("scale").number());
                case "fixed" -> new Fixed(node.field("value").number());
                case "uniform" -> new Uniform(node.field("min").number(), node.field("max").number());
                default -> new Empirical(values(node.field("values")));
            };
        } catch (ParameterException e) {
            String path = parameters.contains(e.parameter()) ? node.field(e.parameter()).path() : node.path();
            throw new ScenarioException(path, e.getMessage());
        }
    }

    private static double[] values(Node node) {
        List<Node> items = node.list();
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
