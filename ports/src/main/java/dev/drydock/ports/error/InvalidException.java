package dev.drydock.ports.error;

import java.util.List;
import java.util.Map;

/** See {@link ErrorKind#INVALID}. With field messages, or with one detail when no field is to blame. */
public final class InvalidException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> fields;

    public InvalidException(String message, Map<String, List<String>> fields) {
        super(message);
        this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID;
    }

    @Override
    public Map<String, List<String>> fieldErrors() {
        return fields;
    }
}
