package funnelcast.history;

import funnelcast.InputException;

/** Bad history input: the file, the line and what was expected. Exit code 2 at the command line. */
public final class HistoryException extends InputException {
    private static final long serialVersionUID = 1L;

    public HistoryException(String file, long line, String detail) {
        super(file + (line > 0 ? ": line " + line : "") + ": " + detail);
    }
}
