package funnelcast.web;

import funnelcast.InputException;

/** A bad value with the setting (or request key) it belongs to, for the page to show beside its field. */
final class FieldException extends InputException {
    private static final long serialVersionUID = 1L;
    final transient String field;

    FieldException(String message, String field) {
        super(message);
        this.field = field;
    }
}
