package dev.drydock.ports.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one error family that crosses the ports. Every adapter turns its technology errors into one
 * of these; the HTTP adapter turns these into statuses in one place.
 */
public abstract sealed class DrydockException extends RuntimeException
        permits NotFoundException, InvalidException, ConflictException, UnprocessableException,
        ForbiddenException, UnauthorizedException, UnavailableException {

    private static final long serialVersionUID = 1L;

    protected DrydockException(String message) {
        super(message, null, false, false);
    }

    protected DrydockException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The kind, which decides the status a client sees. */
    public abstract ErrorKind kind();

    /** Messages per field; empty when the error belongs to no field. */
    public Map<String, List<String>> fieldErrors() {
        return Map.of();
    }

    /** A stored object looked up by its key is not there (or not visible to the caller). */
    public static NotFoundException notFound(String what) {
        return new NotFoundException(what, true);
    }

    /** Something the request names is missing, other than a stored object looked up by key. */
    public static NotFoundException missing(String detail) {
        return new NotFoundException(detail, false);
    }

    public static InvalidException invalid(String detail) {
        return new InvalidException(detail, Map.of());
    }

    public static InvalidException invalidField(String field, String... messages) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(field, List.of(messages));
        return new InvalidException(field + ": " + String.join(" ", messages), fields);
    }

    public static InvalidException invalidFields(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new InvalidException(copy.toString(), Collections.unmodifiableMap(copy));
    }

    public static ConflictException conflict(String detail) {
        return new ConflictException(detail);
    }

    public static UnprocessableException unprocessable(String detail) {
        return new UnprocessableException(detail);
    }

    public static ForbiddenException forbidden() {
        return new ForbiddenException(ForbiddenException.DEFAULT);
    }

    public static ForbiddenException forbidden(String detail) {
        return new ForbiddenException(detail);
    }

    public static UnauthorizedException unauthorized(String detail) {
        return new UnauthorizedException(detail);
    }

    public static UnavailableException unavailable(String detail) {
        return new UnavailableException(detail);
    }

    public static UnavailableException unavailable(String detail, Throwable cause) {
        return new UnavailableException(detail, cause);
    }
}
