package funnelcast.engine;

import funnelcast.InputException;
import funnelcast.Parallelism;
import funnelcast.forecast.Forecast;
import funnelcast.forecast.Pmf;
import funnelcast.model.Funnel;
import funnelcast.model.Scenario;
import funnelcast.model.WorkCalendar;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The Monte Carlo forecast: trials in blocks of {@link #BLOCK_TRIALS}, each block on streams
 * derived from the seed and its index ({@link Streams}), blocks handed to workers as they free
 * up. Counts merge in any order and revenue sums are added in block order, so the result is
 * the same for a given seed and trial count whatever the thread count.
 */
public final class MonteCarloEngine {
    public static final int BLOCK_TRIALS = Streams.BLOCK_TRIALS;
    public static final long MAX_TRIALS = 1_000_000_000L;

    /**
     * Trials, seed, threads, and a callback told the trials done so far (from any worker thread);
     * start from {@code new Options(trials, seed, threads)} and change the rest by name.
     * {@code winnersOnly} (the default) simulates only the deals that will win eventually, with
     * fixed or drawn parameters; without it every deal is walked, losers included. Both give the
     * same distribution, and the tests check both against the exact method. {@code pool}, when
     * given, runs the {@code threads} workers (otherwise the engine makes a pool of {@code threads}
     * and ends it).
     */
    public record Options(long trials, long seed, int threads, LongConsumer progress, boolean uncertainty,
                          boolean winnersOnly, Parallelism pool) {
        public Options {
            checkTrials(trials);
            if (threads < 1) {
                throw new InputException("threads must be >= 1, got " + threads);
            }
        }

        /** Trials, seed and threads; no progress, fixed parameters, only the eventual winners walked, a pool of its own. */
        public Options(long trials, long seed, int threads) {
            this(trials, seed, threads, done -> { }, false, true, null);
        }

        /** The same, telling {@code callback} the trials done so far. */
        public Options withProgress(LongConsumer callback) {
            return new Options(trials, seed, threads, callback, uncertainty, winnersOnly, pool);
        }

        public Options withUncertainty(boolean on) {
            return new Options(trials, seed, threads, progress, on, winnersOnly, pool);
        }

        public Options withWinnersOnly(boolean on) {
            return new Options(trials, seed, threads, progress, uncertainty, on, pool);
        }

        /**
         * Runs the workers on the caller's pool (a server's one pool for every request) instead of
         * a pool of the engine's own; the caller keeps it.
         */
        public Options withPool(Parallelism shared) {
            return new Options(trials, seed, threads, progress, uncertainty, winnersOnly, shared);
        }
    }

    private MonteCarloEngine() {
    }

    /** Refuses a trial count outside 1..{@link #MAX_TRIALS}; a command calls it before any other work. */
    public static void checkTrials(long trials) {
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new InputException("trials must lie in 1.." + MAX_TRIALS + ", got " + trials);
        }
    }

    public static Forecast forecast(Funnel funnel, Options options) {
        return combine(funnel, options, List.of(blocks(funnel, options, 0, blockCount(options.trials()))));
    }

    /** How many blocks of {@link #BLOCK_TRIALS} make {@code trials}, the last one possibly short. */
    public static int blockCount(long trials) {
        return (int) ((trials + BLOCK_TRIALS - 1) / BLOCK_TRIALS);
    }

    /**
     * Some blocks of a forecast's trials, {@code [fromBlock, toBlock)}, to be combined with the
     * others by {@link #combine}: holds counts that merge exactly and each block's revenue sums,
     * so a forecast split into ranges run anywhere (another thread, another machine) combines to
     * the same numbers as one run. Serializable for that.
     */
    public static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final int fromBlock;
        final Tally tally;
        final double[] blockRevenue;
        final double[] blockRevenueSquares;

        Partial(int fromBlock, Tally tally, double[] blockRevenue, double[] blockRevenueSquares) {
            this.fromBlock = fromBlock;
            this.tally = tally;
            this.blockRevenue = blockRevenue;
            this.blockRevenueSquares = blockRevenueSquares;
        }

        int toBlock() {
            return fromBlock + blockRevenue.length;
        }
    }

    /** {@code threads} workers on a pool made for them and ended after: each worker's tally, in the workers' order. */
    private static List<Tally> onOwnPool(Supplier<Tally> worker, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "funnelcast-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<Tally>> futures = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        try {
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(worker::get));
            }
            for (Future<Tally> f : futures) {
                tallies.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the forecast was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return tallies;
    }

    /** Runs blocks {@code [fromBlock, toBlock)} of the forecast on {@code options.threads()} threads. */
    public static Partial blocks(Funnel funnel, Options options, int fromBlock, int toBlock) {
        KernelTables tables = new KernelTables(funnel, options.uncertainty(), options.winnersOnly());
        if (options.uncertainty() && !tables.drawsParameters()) {
            throw new InputException("parameter uncertainty needs exitCounts on some stage or inflow.observed: "
                + "this scenario has neither (calibrate writes both)");
        }
        long trials = options.trials();
        int blocks = blockCount(trials);
        if (fromBlock < 0 || fromBlock > toBlock || toBlock > blocks) {
            throw new IllegalArgumentException("blocks " + fromBlock + ".." + toBlock + " outside 0.." + blocks);
        }
        double[] blockRevenue = new double[toBlock - fromBlock];
        double[] blockRevenueSquares = new double[toBlock - fromBlock];
        AtomicInteger nextBlock = new AtomicInteger(fromBlock);
        AtomicLong done = new AtomicLong();
        int threads = Math.max(1, Math.min(options.threads(), toBlock - fromBlock));

        Supplier<Tally> worker = () -> {
            BlockKernel kernel = BlockKernel.of(tables, BLOCK_TRIALS);
            Tally tally = new Tally(tables.horizon, tables.reportsRevenue(), revenueTarget(funnel));
            for (int b = nextBlock.getAndIncrement(); b < toBlock; b = nextBlock.getAndIncrement()) {
                kernel.bind(Streams.of(options.seed(), b));
                long from = (long) b * BLOCK_TRIALS;
                long to = Math.min(trials, from + BLOCK_TRIALS);
                BlockResults block = kernel.run((int) (to - from));
                double sum = 0;
                double squares = 0;
                for (int i = 0; i < block.trials; i++) {
                    tally.add(block, i);
                    sum += block.revenue[i];
                    squares += block.revenue[i] * block.revenue[i];
                }
                blockRevenue[b - fromBlock] = sum;
                blockRevenueSquares[b - fromBlock] = squares;
                options.progress().accept(done.addAndGet(to - from));
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            return tally;
        };
        List<Tally> tallies = options.pool() != null
            ? options.pool().map(Collections.nCopies(threads, worker), Supplier::get)
            : onOwnPool(worker, threads);

        Tally total = new Tally(tables.horizon, tables.reportsRevenue(), revenueTarget(funnel));
        for (Tally t : tallies) {
            total.addAll(t);
        }
        return new Partial(fromBlock, total, blockRevenue, blockRevenueSquares);
    }

    /**
     * The forecast of {@code parts}, which must cover every block of {@code options.trials()} once,
     * in any order: counts merged exactly, revenue sums added in block order.
     */
    public static Forecast combine(Funnel funnel, Options options, List<Partial> parts) {
        int blocks = blockCount(options.trials());
        List<Partial> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparingInt(p -> p.fromBlock));
        double[] blockRevenue = new double[blocks];
        double[] blockRevenueSquares = new double[blocks];
        int next = 0;
        Tally total = null;
        for (Partial p : ordered) {
            if (p.fromBlock != next) {
                throw new IllegalArgumentException("blocks " + next + ".." + p.fromBlock + " missing or repeated");
            }
            System.arraycopy(p.blockRevenue, 0, blockRevenue, p.fromBlock, p.blockRevenue.length);
            System.arraycopy(p.blockRevenueSquares, 0, blockRevenueSquares, p.fromBlock, p.blockRevenue.length);
            next = p.toBlock();
            if (total == null) {
                total = p.tally.empty();
            }
            total.addAll(p.tally);
        }
        if (next != blocks || total == null) {
            throw new IllegalArgumentException("blocks " + next + ".." + blocks + " missing");
        }
        return result(funnel.scenario(), options, total, blockRevenue, blockRevenueSquares);
    }

    /** Revenue still needed this horizon (the target less nothing: booked revenue is not in the scenario), or NaN. */
    private static double revenueTarget(Funnel funnel) {
        return funnel.scenario().target().revenue().orElse(Double.NaN);
    }

    private static Forecast result(Scenario scenario, Options options, Tally total, double[] blockRevenue,
                                   double[] blockRevenueSquares) {
        long n = total.trials;
        long[] counts = total.winCounts.fromZero();
        double[] pmf = new double[counts.length];
        double s1 = 0;
        double s2 = 0;
        for (int k = 0; k < counts.length; k++) {
            pmf[k] = (double) counts[k] / n;
            s1 += (double) k * counts[k];
            s2 += (double) k * k * counts[k];
        }
        double mean = s1 / n;
        double sd = n > 1 ? Math.sqrt(Math.max(0, (s2 - s1 * s1 / n) / (n - 1))) : 0;
        Forecast.Wins wins = new Forecast.Wins(mean, sd, pmf, Pmf.quantiles(counts, n));

        OptionalInt target = scenario.target().wins();
        int already = scenario.target().alreadyWon();
        OptionalDouble pHit = OptionalDouble.empty();
        if (target.isPresent()) {
            long hits = 0;
            for (int k = Math.max(0, target.getAsInt() - already); k < counts.length; k++) {
                hits += counts[k];
            }
            pHit = OptionalDouble.of((double) hits / n);
        }

        Optional<Forecast.Revenue> revenue = Optional.empty();
        if (total.revenue != null) {
            double r1 = 0;
            double r2 = 0;
            for (int b = 0; b < blockRevenue.length; b++) {
                r1 += blockRevenue[b];
                r2 += blockRevenueSquares[b];
            }
            double rMean = r1 / n;
            double rSd = n > 1 ? Math.sqrt(Math.max(0, (r2 - r1 * r1 / n) / (n - 1))) : 0;
            OptionalDouble pRevenue = scenario.target().revenue().isPresent()
                ? OptionalDouble.of((double) total.revenueHits / n) : OptionalDouble.empty();
            revenue = Optional.of(new Forecast.Revenue(rMean, rSd, Optional.of(new Forecast.RevenueQuantiles(
                total.revenue.quantile(n, 0.10), total.revenue.quantile(n, 0.50), total.revenue.quantile(n, 0.90))),
                pRevenue));
        }

        WorkCalendar calendar = scenario.calendar();
        List<Forecast.Day> daily = new ArrayList<>();
        for (int d = 0; d < total.dayCounts.length; d++) {
            Counts c = total.dayCounts[d];
            daily.add(new Forecast.Day(d + 1, calendar.date(d + 1), c.mean(n), c.quantile(n, 0.10),
                c.quantile(n, 0.25), c.quantile(n, 0.50), c.quantile(n, 0.75), c.quantile(n, 0.90)));
        }
        return new Forecast(scenario.name(), new Forecast.MonteCarlo(n, options.seed(), options.uncertainty()),
            scenario.horizonDays(),
            target, already, wins, pHit, revenue, daily);
    }
}
