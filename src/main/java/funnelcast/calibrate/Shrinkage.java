package funnelcast.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Empirical Bayes for per-rep conversion: a Beta(a, b) prior is fitted to all reps by maximising
 * the beta-binomial marginal likelihood, and each rep's rate becomes the posterior mean
 * (x + a) / (n + a + b). A rep with 4 deals is pulled most of the way to the team; a rep with
 * 400 barely moves. When the reps do not differ more than chance allows, a + b grows large and
 * everyone is pulled to the team's rate (capped at a + b = e^14).
 */
final class Shrinkage {
    private static final double LOG_CAP = 14;

    private Shrinkage() {
    }

    /** A rep's completed visits to a stage and how many of them advanced. */
    record Tally(int advanced, int visits) {
        Tally plus(Tally other) {
            return new Tally(advanced + other.advanced, visits + other.visits);
        }
    }

    /** The Beta prior of the reps' advance rates. */
    record BetaPrior(double a, double b) {
    }

    /** Each rep's advance rate, raw and shrunk toward the team's, from the rep's tally. */
    static Map<String, Calibration.RepRate> shrink(Map<String, Tally> counts) {
        Map<String, Calibration.RepRate> out = new LinkedHashMap<>();
        List<Tally> data = new ArrayList<>();
        long x = 0;
        long n = 0;
        for (Tally c : counts.values()) {
            if (c.visits() > 0) {
                data.add(c);
                x += c.advanced();
                n += c.visits();
            }
        }
        if (n == 0) {
            return out;
        }
        double pooled = (double) x / n;
        double a;
        double b;
        if (data.size() < 2 || x == 0 || x == n) {
            // nothing to learn a spread from: everyone at the team's rate
            a = pooled * Math.exp(LOG_CAP);
            b = (1 - pooled) * Math.exp(LOG_CAP);
        } else {
            BetaPrior prior = fit(data, pooled);
            a = prior.a();
            b = prior.b();
        }
        for (Map.Entry<String, Tally> e : counts.entrySet()) {
            int adv = e.getValue().advanced();
            int vis = e.getValue().visits();
            out.put(e.getKey(), new Calibration.RepRate(e.getKey(), vis, adv, vis > 0 ? (double) adv / vis : Double.NaN,
                (adv + a) / (vis + a + b)));
        }
        return out;
    }

    static BetaPrior fit(List<Tally> data, double pooled) {
        ObjectiveFunction negLl = new ObjectiveFunction(theta -> {
            double la = Math.min(theta[0], LOG_CAP);
            double lb = Math.min(theta[1], LOG_CAP);
            double a = Math.exp(la);
            double b = Math.exp(lb);
            double ll = 0;
            for (Tally c : data) {
                ll += LogBeta.value(c.advanced() + a, c.visits() - c.advanced() + b) - LogBeta.value(a, b);
            }
            return -ll;
        });
        double strength = Math.log(10);
        double[] start = {Math.log(pooled) + strength, Math.log(1 - pooled) + strength};
        PointValuePair p = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-12)).optimize(new MaxEval(20_000),
            negLl, GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(new double[] {0.5, 0.5}));
        return new BetaPrior(Math.exp(Math.min(p.getPoint()[0], LOG_CAP)), Math.exp(Math.min(p.getPoint()[1], LOG_CAP)));
    }
}
