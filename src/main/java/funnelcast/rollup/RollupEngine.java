package funnelcast.rollup;

import funnelcast.Parallelism;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.scenario.ScenarioReader;
import java.io.Serializable;
import java.util.List;

/**
 * Where a roll-up's teams are forecast: here ({@link #LOCAL}), or on a cluster by a module on the
 * class path (funnelcast-spark offers {@code spark}); the same numbers either way, each team from
 * its scenario's text with the same method, trials and seed.
 */
public interface RollupEngine {
    String name();

    /** Each team's result, in the cases' order; {@code master} is the cluster's address (or null). */
    List<TeamResult> forecast(List<TeamCase> cases, Method method, String master);

    /** A team as it travels: its scenario's text and format, and its file for messages. */
    record TeamCase(String name, String file, String text, boolean yaml) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The method: exact, or Monte Carlo with its trials and seed (one thread a team on a cluster). */
    record Method(boolean exact, long trials, long seed, int threads) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What the roll-up takes of a team's forecast: its total's pmf (already won included) and its error bound. */
    record TeamResult(int alreadyWon, double[] winsPmf, double winsMean, double winsSd, Integer target, Double pHitTarget,
                      double pmfTotalVariation) implements Serializable {
        private static final long serialVersionUID = 1L;

        public TeamResult {
            winsPmf = winsPmf.clone();
        }

        /** The team's total this period: its wins' pmf shifted by those already won. */
        double[] total() {
            double[] pmf = new double[alreadyWon + winsPmf.length];
            System.arraycopy(winsPmf, 0, pmf, alreadyWon, winsPmf.length);
            return pmf;
        }

        static TeamResult of(Forecast f) {
            return new TeamResult(f.alreadyWon(), f.wins().pmf(), f.wins().mean(), f.wins().sd(),
                f.target().isPresent() ? f.target().getAsInt() : null,
                f.pHitTarget().isPresent() ? f.pHitTarget().getAsDouble() : null,
                f.method() instanceof Forecast.Exact e ? e.pmfTotalVariation() : 0);
        }
    }

    /** One team's result, as every engine computes it. */
    static TeamResult forecast(TeamCase c, Method m) {
        Funnel funnel = Funnel.of(ScenarioReader.parse(c.text(), c.file(), c.yaml()));
        Forecast f = m.exact() ? ExactMethod.forecast(funnel)
            : MonteCarloEngine.forecast(funnel, new MonteCarloEngine.Options(m.trials(), m.seed(), m.threads()));
        return TeamResult.of(f);
    }

    /** Here: the teams apart from each other on the caller's parallelism (exact), or one by one (the engine splits its trials). */
    RollupEngine LOCAL = new RollupEngine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public List<TeamResult> forecast(List<TeamCase> cases, Method method, String master) {
            return method.exact() ? Parallelism.current().map(cases, c -> RollupEngine.forecast(c, method))
                : cases.stream().map(c -> RollupEngine.forecast(c, method)).toList();
        }
    };
}
