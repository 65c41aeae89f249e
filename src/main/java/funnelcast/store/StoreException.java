package funnelcast.store;

/**
 * The store could not be used: a database that cannot be reached or opened, or one written by a
 * newer funnelcast. Its message is one line that says which database and what to do; the command
 * line prints it and exits 1.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
