package funnelcast.model;

import funnelcast.InputException;

/**
 * Bad input: names the file (once known), the path of the offending value and what was
 * expected, e.g. {@code telesales.json: stages[2].exits.need: expected a probability in [0, 1], got 1.4}.
 */
public final class ScenarioException extends InputException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String path;
    private final String detail;

    public ScenarioException(String file, String path, String detail) {
        super(null);
        this.file = file;
        this.path = path;
        this.detail = detail;
    }

    public ScenarioException(String path, String detail) {
        this(null, path, detail);
    }

    public ScenarioException withFile(String newFile) {
        return file != null ? this : new ScenarioException(newFile, path, detail);
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(detail).toString();
    }
}
