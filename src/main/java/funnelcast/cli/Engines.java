package funnelcast.cli;

import funnelcast.InputException;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Which engine {@code --engine} names: the local one, or one a module on the class path offers (funnelcast-spark: spark). */
final class Engines {
    private Engines() {
    }

    /**
     * The engine of this name among the {@code type}s {@link ServiceLoader} finds, or {@code local}
     * (whose name is {@code nameOf.apply(local)}); {@code --master} only with another engine.
     */
    static <E> E choose(Class<E> type, E local, Function<E, String> nameOf, String name, String master) {
        if (name.equals(nameOf.apply(local))) {
            if (master != null) {
                throw new InputException("--master " + master + ": only with --engine spark; the local engine runs here");
            }
            return local;
        }
        for (E e : ServiceLoader.load(type)) {
            if (nameOf.apply(e).equals(name)) {
                return e;
            }
        }
        if (name.equals("spark")) {
            throw new InputException("--engine spark: the Spark engine (funnelcast-spark) is not on the class path; "
                + "run it through ./funnel, which builds and adds it, or with spark-submit (docs/sweep.md)");
        }
        throw new InputException("--engine " + name + ": expected local or spark");
    }
}
