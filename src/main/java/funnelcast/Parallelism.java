package funnelcast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How many threads a computation may use, and the pool they come from. Library code never uses
 * the JVM's common pool: it asks {@link #current()}, which is what its caller set with
 * {@link #with} (a command from {@code --threads}, the explorer its one bounded pool), or else
 * funnelcast's own pool of one thread per core, made once. Work split with {@link #map} runs on
 * that pool, and what it splits again runs there too, so nested splits share the same threads
 * (a fork-join pool: a task waiting on its parts helps run them). Results never depend on the
 * threads: every split keeps its items' order.
 */
public final class Parallelism {
    /** Everything on the caller's thread. */
    public static final Parallelism SERIAL = new Parallelism(null, 1);

    private static final ThreadLocal<Parallelism> CURRENT = new ThreadLocal<>();
    private static volatile Parallelism machine;

    private final ForkJoinPool pool;
    private final int threads;

    private Parallelism(ForkJoinPool pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    /** A pool of {@code threads} daemon threads (1: the caller's thread alone). */
    public static Parallelism of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1) {
            return SERIAL;
        }
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("funnelcast-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        };
        return new Parallelism(new ForkJoinPool(threads, factory, null, false), threads);
    }

    /** funnelcast's own pool, one thread per core, for callers that set none. */
    public static Parallelism machine() {
        Parallelism m = machine;
        if (m == null) {
            synchronized (Parallelism.class) {
                m = machine;
                if (m == null) {
                    m = of(Runtime.getRuntime().availableProcessors());
                    machine = m;
                }
            }
        }
        return m;
    }

    /** What the caller set for this thread, or {@link #machine()}. */
    public static Parallelism current() {
        Parallelism p = CURRENT.get();
        return p != null ? p : machine();
    }

    /** Runs {@code work} with {@code p} as the parallelism of everything it calls on this thread. */
    public static <T> T with(Parallelism p, Supplier<T> work) {
        Parallelism before = CURRENT.get();
        CURRENT.set(p);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * {@code f} of every item, in the items' order, the items apart from each other on this
     * parallelism's threads (each with this parallelism as its own). An exception is rethrown as
     * it was raised, the first item's first.
     */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        if (pool == null || items.size() < 2) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(f.apply(item));
            }
            return out;
        }
        List<ForkJoinTask<Outcome<R>>> tasks = new ArrayList<>(items.size());
        for (T item : items) {
            tasks.add(ForkJoinTask.adapt(() -> with(this, () -> Outcome.of(() -> f.apply(item)))));
        }
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            pool.submit(() -> ForkJoinTask.invokeAll(tasks)).join();
        }
        List<R> out = new ArrayList<>(items.size());
        for (ForkJoinTask<Outcome<R>> t : tasks) {
            out.add(t.join().value());
        }
        return out;
    }

    /** A result or the exception that stopped it, kept so that it is rethrown as it was. */
    private record Outcome<R>(R result, RuntimeException failure) {
        static <R> Outcome<R> of(Supplier<? extends R> work) {
            try {
                return new Outcome<>(work.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        R value() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
