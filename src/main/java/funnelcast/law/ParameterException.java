package funnelcast.law;

import funnelcast.InputException;

/** A distribution's parameter out of its range: names the parameter, so a reader can point at its path. */
public final class ParameterException extends InputException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public ParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as a scenario file writes it ({@code values} for an empirical law's list). */
    public String parameter() {
        return parameter;
    }
}
