package funnelcast.sweep;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Where a sweep's cases run: here ({@link #LOCAL}), or elsewhere by an engine that a module adds
 * to the class path and names through {@link java.util.ServiceLoader} (the Spark engine of
 * funnelcast-spark). Every engine returns the rows {@link Sweep#run(Sweep.Job, Sweep.Case)}
 * would give, in case order.
 */
public interface SweepEngine {
    /** The name {@code --engine} takes. */
    String name();

    /**
     * Runs the job, telling {@code progress} the number of cases done. {@code master} says where
     * (the engine's own kind of address), or is null for the engine's default.
     */
    List<Sweep.CaseResult> run(Sweep.Job job, String master, IntConsumer progress);

    /** This machine: as many cases (or runs of a case's trials) at once as the job has threads ({@link Sweep#runAll}). */
    SweepEngine LOCAL = new SweepEngine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public List<Sweep.CaseResult> run(Sweep.Job job, String master, IntConsumer progress) {
            return Sweep.runAll(job, progress);
        }
    };
}
