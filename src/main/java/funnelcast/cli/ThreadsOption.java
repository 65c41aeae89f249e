package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.Parallelism;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --threads K}, for every command that computes: the engine's workers and the pool the
 * exact method, the planner, sensitivity and backtests split their work on. The numbers never
 * depend on it.
 */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: all cores); the numbers do "
        + "not depend on it.")
    Integer threads;

    /** The threads asked for, or one per core. */
    int count() {
        if (threads != null && threads < 1) {
            throw new InputException("--threads: expected a whole number >= 1, got " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** --threads threads, or funnelcast's pool of every core. */
    Parallelism parallelism() {
        return threads == null ? Parallelism.machine() : Parallelism.of(count());
    }

    /** Runs {@code work} with this parallelism for everything it splits. */
    <T> T run(Supplier<T> work) {
        return Parallelism.with(parallelism(), work);
    }
}
