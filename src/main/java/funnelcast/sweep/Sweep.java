package funnelcast.sweep;

import funnelcast.InputException;
import funnelcast.engine.MonteCarloEngine;
import funnelcast.engine.Seeds;
import funnelcast.exact.ExactMethod;
import funnelcast.forecast.Forecast;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.plan.RequiredInflow;
import funnelcast.plan.Sensitivity;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Many cases of one question: each case a scenario (a grid point of --set values on a base, or
 * one file of a folder), forecast on its own seed derived from (seed, case) alone, so that a row
 * never depends on where or beside what it ran. A case that fails is a row with its message.
 *
 * <p>A case's Monte Carlo trials may be cut into slices of blocks ({@link #slices}) run apart,
 * on other threads or machines, and combined ({@link #combine}): blocks are seeded by their
 * index and their counts merge exactly, so a case gives the same row however it was cut.
 * Everything that travels (the job, a slice, a part, a row) is {@link Serializable}.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * What to run each case with: start from {@link #monteCarlo} and change the rest by name.
     * {@code trials} and {@code seed} are ignored by the exact method; {@code stepsPerDay} 0 is the
     * exact method's default grid.
     */
    public record Options(boolean exact, long trials, long seed, int threads, double confidence, int stepsPerDay)
        implements Serializable {
        /** The engine, {@code trials} and {@code seed}, on {@code threads}; P(hit) and the inflow needed at {@code confidence}. */
        public static Options monteCarlo(long trials, long seed, int threads, double confidence) {
            return new Options(false, trials, seed, threads, confidence, 0);
        }

        /** The exact method instead, on {@code stepsPerDay} grid steps a day (0: its default). */
        public Options withExact(int steps) {
            return new Options(true, trials, seed, threads, confidence, steps);
        }

        public Options withThreads(int k) {
            return new Options(exact, trials, seed, k, confidence, stepsPerDay);
        }
    }

    /**
     * One case: the scenario's source and the settings that make the case of it, or the message
     * that stopped its file being read ({@code readError}, null when it was read).
     */
    public record Case(int index, List<String> values, ScenarioSource source, List<Setting> settings, String readError)
        implements Serializable {
        public Case {
            values = List.copyOf(values);
            settings = List.copyOf(settings);
        }

        /** The case of {@code source} (which reads a file, and may fail with the input's message). */
        public static Case of(int index, List<String> values, Supplier<ScenarioSource> source, List<Setting> settings) {
            try {
                return new Case(index, values, source.get(), settings, null);
            } catch (InputException e) {
                return new Case(index, values, null, settings, e.getMessage());
            }
        }

        Scenario scenario() {
            if (readError != null) {
                throw new InputException(readError);
            }
            return source.read(settings);
        }
    }

    /** The cases and how to run them. */
    public record Job(List<Case> cases, Options options) implements Serializable {
        public Job {
            cases = List.copyOf(cases);
        }
    }

    /**
     * One case's result: its figures, or the message that stopped it. {@code pHitTarget} and
     * {@code inflowNeeded} are NaN where there is none (no target, or no inflow that reaches it).
     */
    public record CaseResult(int index, List<String> values, double mean, double sd, int p10, int p50, int p90,
                      double pHitTarget, double inflowNeeded, String bottleneck, String error) implements Serializable {
        public CaseResult {
            values = List.copyOf(values);
        }

        public boolean failed() {
            return error != null;
        }

        static CaseResult failure(Case c, String message) {
            return new CaseResult(c.index(), c.values(), Double.NaN, Double.NaN, 0, 0, 0, Double.NaN, Double.NaN, null, message);
        }

        CaseResult withForecast(Forecast f) {
            Forecast.Total t = f.total();
            return new CaseResult(index, values, t.mean(), t.sd(), t.p10(), t.p50(), t.p90(),
                t.pHitTarget().orElse(Double.NaN), inflowNeeded, bottleneck, error);
        }
    }

    /**
     * Blocks {@code [fromBlock, toBlock)} of case {@code index}'s trials; the first slice of a case
     * ({@code fromBlock == 0}) also gives its other figures, and is the whole case by the exact method.
     */
    public record Slice(int index, int fromBlock, int toBlock) implements Serializable {
    }

    /**
     * What a slice gave: a case's finished row ({@code trials} null: the whole case, by either
     * method, or a failure), or a run of its trials to combine with the others, with, from its
     * first slice ({@code fromBlock == 0}), a row of its other figures.
     */
    public record SliceResult(int index, int fromBlock, MonteCarloEngine.Partial trials, CaseResult row) implements Serializable {
        boolean finished() {
            return trials == null;
        }
    }


    /** The grid's cases: every combination of the values, the first grid's values changing slowest. */
    public static List<List<String>> cases(List<List<String>> grids) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> values : grids) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : values) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * The job cut into about {@code wanted} slices: one per case when there are that many cases or
     * more (or by the exact method), otherwise each Monte Carlo case cut into equal runs of blocks.
     */
    public static List<Slice> slices(Job job, int wanted) {
        int n = job.cases().size();
        int blocks = MonteCarloEngine.blockCount(job.options().trials());
        int pieces = job.options().exact() || n == 0 ? 1 : Math.max(1, Math.min(blocks, wanted / n));
        List<Slice> out = new ArrayList<>();
        for (Case c : job.cases()) {
            int to = job.options().exact() ? 0 : blocks;
            for (int p = 0; p < pieces; p++) {
                out.add(new Slice(c.index(), (int) ((long) to * p / pieces), (int) ((long) to * (p + 1) / pieces)));
            }
        }
        return out;
    }

    /** Runs one slice; an input error becomes the part's failed row. A slice of a whole case gives its row. */
    public static SliceResult run(Job job, Slice s) {
        Case c = job.cases().get(s.index());
        Options o = job.options();
        try {
            Funnel funnel = Funnel.of(c.scenario());
            if (o.exact()) {
                ExactMethod.Solution exact = ExactMethod.solve(funnel, steps(funnel, o));
                return new SliceResult(c.index(), 0, null, figures(c, funnel, o,
                    RequiredInflow.forTarget(funnel, o.confidence(), exact.horizonWins())).withForecast(exact.forecast()));
            }
            MonteCarloEngine.Options engine = engineOptions(c, o);
            MonteCarloEngine.Partial trials = MonteCarloEngine.blocks(funnel, engine, s.fromBlock(), s.toBlock());
            CaseResult figures = s.fromBlock() == 0
                ? figures(c, funnel, o, RequiredInflow.forTarget(funnel, o.confidence(), steps(funnel, o))) : null;
            if (s.fromBlock() == 0 && s.toBlock() == MonteCarloEngine.blockCount(o.trials())) {
                return new SliceResult(c.index(), 0, null, figures.withForecast(
                    MonteCarloEngine.combine(funnel, engine, List.of(trials))));
            }
            return new SliceResult(c.index(), s.fromBlock(), trials, figures);
        } catch (InputException e) {
            return new SliceResult(c.index(), s.fromBlock(), null, CaseResult.failure(c, e.getMessage()));
        }
    }

    /** A case's row from all its parts, in any order. */
    public static CaseResult combine(Job job, Case c, List<SliceResult> parts) {
        CaseResult first = null;
        List<MonteCarloEngine.Partial> trials = new ArrayList<>();
        for (SliceResult p : parts) {
            if (p.finished()) {
                return p.row();
            }
            if (p.fromBlock() == 0) {
                first = p.row();
            }
            trials.add(p.trials());
        }
        if (first == null) {
            throw new IllegalArgumentException("case " + c.index() + ": its first slice is missing");
        }
        Funnel funnel = Funnel.of(c.scenario());
        return first.withForecast(MonteCarloEngine.combine(funnel, engineOptions(c, job.options()), trials));
    }

    /** Every case's row from all the job's parts, in any order: the rows in case order. */
    public static List<CaseResult> rows(Job job, List<SliceResult> parts) {
        Map<Integer, List<SliceResult>> byCase = new HashMap<>();
        for (SliceResult p : parts) {
            byCase.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(p);
        }
        List<CaseResult> rows = new ArrayList<>();
        for (Case c : job.cases()) {
            rows.add(combine(job, c, byCase.getOrDefault(c.index(), List.of())));
        }
        return rows;
    }

    /** Runs one whole case here, on the options' threads. */
    public static CaseResult run(Job job, Case c) {
        int blocks = job.options().exact() ? 0 : MonteCarloEngine.blockCount(job.options().trials());
        return run(job, new Slice(c.index(), 0, blocks)).row();
    }

    /**
     * Runs every case here on the options' threads: as many slices at once, each on one thread
     * ({@link #slices}: whole cases, or runs of blocks when there are fewer cases than threads),
     * a case's parts combined as soon as they are all in. Tells {@code progress} the cases done.
     */
    public static List<CaseResult> runAll(Job job, IntConsumer progress) {
        int threads = job.options().threads();
        Job apart = new Job(job.cases(), job.options().withThreads(1));
        List<Slice> slices = slices(apart, threads);
        CaseResult[] rows = new CaseResult[job.cases().size()];
        Map<Integer, List<SliceResult>> waiting = new HashMap<>();
        Map<Integer, Integer> remaining = new HashMap<>();
        slices.forEach(s -> remaining.merge(s.index(), 1, Integer::sum));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, slices.size())), r -> {
            Thread t = new Thread(r, "funnelcast-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<SliceResult> done = new ExecutorCompletionService<>(pool);
            for (Slice s : slices) {
                done.submit(() -> run(apart, s));
            }
            int finished = 0;
            for (int i = 0; i < slices.size(); i++) {
                SliceResult p = done.take().get();
                List<SliceResult> parts = waiting.computeIfAbsent(p.index(), k -> new ArrayList<>());
                parts.add(p);
                if (remaining.merge(p.index(), -1, Integer::sum) == 0) {
                    rows[p.index()] = combine(job, job.cases().get(p.index()), parts);
                    waiting.remove(p.index());
                    progress.accept(++finished);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(rows);
    }

    /** The row's figures other than the forecast: the inflow needed (given) and the bottleneck. */
    private static CaseResult figures(Case c, Funnel funnel, Options o, OptionalDouble needed) {
        String bottleneck = Sensitivity.exact(funnel, Math.min(Sensitivity.RANKING_STEPS, steps(funnel, o))).bottleneck();
        return new CaseResult(c.index(), c.values(), Double.NaN, Double.NaN, 0, 0, 0, Double.NaN, needed.orElse(Double.NaN),
            bottleneck, null);
    }

    private static int steps(Funnel funnel, Options o) {
        return o.stepsPerDay() > 0 ? o.stepsPerDay() : ExactMethod.defaultStepsPerDay(funnel.scenario().horizonDays());
    }

    private static MonteCarloEngine.Options engineOptions(Case c, Options o) {
        return new MonteCarloEngine.Options(o.trials(), Seeds.derive(o.seed(), c.index()), o.threads());
    }
}
