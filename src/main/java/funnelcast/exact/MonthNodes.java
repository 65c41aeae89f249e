package funnelcast.exact;

import funnelcast.law.Law;
import funnelcast.model.Absorption;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The exact method under month effects. The inflow factor G is integrated in closed form (the
 * inflow's wins are negative binomial); the conversion shift E ~ N(shift, sd^2) by Gauss-Hermite
 * quadrature: at each node the funnel's exits are shifted and solved exactly, and the pmfs are
 * mixed with the rule's weights. Wins given E are a smooth function of E, so the rule converges
 * fast; its error is estimated as the total variation between the mixtures of {@link #NODES}
 * and {@link #COARSE} nodes (conservative: it is about the coarser rule's error) and added to the reported bound (an estimate, unlike the grid's
 * proven part).
 */
final class MonthNodes {
    /** Gauss-Hermite nodes for the forecast. */
    static final int NODES = 16;
    /** The coarser rule that the quadrature error is estimated against. */
    static final int COARSE = 12;

    /** One quadrature node: its weight and the win curves of the funnel shifted to it. */
    record Node(double weight, Funnel funnel, WinCurves curves) {
    }

    private MonthNodes() {
    }

    /** The month without spread: one node, the funnel at the mean shift. */
    static List<Node> single(Funnel funnel, Function<Funnel, WinCurves> curves) {
        Funnel shifted = shifted(funnel, funnel.scenario().monthEffects().conversionShift());
        return List.of(new Node(1, shifted, curves.apply(shifted)));
    }

    /** The weights of the {@code n}-node rule, summing to 1: those of every funnel's nodes. */
    static double[] weights(int n) {
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
        double[] w = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
        }
        return w;
    }

    /** {@code n} Gauss-Hermite nodes of the month's conversion shift, each with the win curves {@code curves} solves. */
    static List<Node> nodes(Funnel funnel, int n, Function<Funnel, WinCurves> curves) {
        MonthEffects effects = funnel.scenario().monthEffects();
        // Hermite: integral of exp(-x^2) f(x); with E = shift + sqrt(2) sd x, the weights sum to sqrt(pi).
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < rule.getNumberOfPoints(); i++) {
            double e = effects.conversionShift() + Math.sqrt(2) * effects.conversionSd() * rule.getPoint(i);
            Funnel shifted = shifted(funnel, e);
            nodes.add(new Node(rule.getWeight(i) / Math.sqrt(Math.PI), shifted, curves.apply(shifted)));
        }
        return nodes;
    }

    /**
     * The funnel with every stage's advance exit's odds multiplied by exp(shift), and at the
     * month's pace: dwells and the pipeline's ages divided by it (the same clock change that the
     * engine makes, so a deal's remaining time is its usual residual divided by the pace).
     */
    static Funnel shifted(Funnel funnel, double shift) {
        double pace = funnel.scenario().monthEffects().pace();
        if (shift == 0 && pace == 1) {
            return funnel;
        }
        Absorption chain = Absorption.of(funnel);
        Scenario s = funnel.scenario();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < s.stages().size(); i++) {
            Stage st = s.stages().get(i);
            int index = funnel.index(st.id());
            double[] p = funnel.probs(index).clone();
            MonthEffects.shift(p, chain.advanceExit(index), shift, p);
            int stall = funnel.stalledExit(index);
            double stalled = stall < 0 ? 0 : p[stall];
            List<Exit> exits = new ArrayList<>();
            for (int e = 0; e < st.exits().size(); e++) {
                Exit x = st.exits().get(e);
                exits.add(new Exit(x.to(), Math.min(1, p[e] / (1 - stalled)), paced(x.dwell(), pace), x.ownDwell()));
            }
            stages.add(new Stage(st.id(), st.label(), exits, paced(st.dwell(), pace), st.exitCounts(), st.criteria(),
                st.questions(), st.skills(), stalled));
        }
        List<PipelineDeal> pipeline = new ArrayList<>();
        for (PipelineDeal d : s.pipeline()) {
            pipeline.add(pace == 1 ? d : d.withAge(d.age() / pace));
        }
        return Funnel.of(new Scenario(s.name(), s.calendar(), s.entry(), stages, s.inflow(), pipeline, s.target(),
            s.dealValue(), s.monthEffects()));
    }

    private static Law paced(Law d, double pace) {
        return pace == 1 ? d : d.scaled(1 / pace);
    }

    static double totalVariation(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < Math.max(a.length, b.length); k++) {
            sum += Math.abs((k < a.length ? a[k] : 0) - (k < b.length ? b[k] : 0));
        }
        return sum / 2;
    }
}
