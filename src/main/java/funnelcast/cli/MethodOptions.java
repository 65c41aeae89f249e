package funnelcast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --method monte-carlo|exact}, for the commands that forecast. */
final class MethodOptions {
    @Option(names = "--method", converter = MethodConverter.class,
        description = "monte-carlo or exact (default ${DEFAULT-VALUE}).")
    Method method = Method.MONTE_CARLO;

    boolean exact() {
        return method == Method.EXACT;
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
