package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.Parallelism;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --method monte-carlo|exact} and {@code --threads}, for the commands that forecast. */
final class MethodOptions {
    @Option(names = "--method", converter = MethodConverter.class,
        description = "monte-carlo or exact (default ${DEFAULT-VALUE}).")
    Method method = Method.MONTE_CARLO;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: all cores); the numbers do "
        + "not depend on it.")
    Integer threads;

    boolean exact() {
        return method == Method.EXACT;
    }

    int threads() {
        if (threads != null && threads < 1) {
            throw new InputException("--threads: expected a whole number >= 1, got " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** What the exact method and the planner run on: --threads threads, or funnelcast's pool of every core. */
    Parallelism parallelism() {
        return threads == null ? Parallelism.machine() : Parallelism.of(threads());
    }

    enum Method {
        MONTE_CARLO("monte-carlo"), EXACT("exact");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static final class MethodConverter implements CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            for (Method m : Method.values()) {
                if (m.id.equals(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("expected monte-carlo or exact, got '" + value + "'");
        }
    }
}
