package funnelcast;

/**
 * The user's input is wrong: a scenario or history file, a value, an option. The message says
 * where (the file, the path of the value or the line) and what was expected. It alone means
 * exit code 2 at the command line; any other exception is a failure of funnelcast itself.
 * Made without a stack trace: it is a message for the user, not a place in the code.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null, false, false);
    }
}
