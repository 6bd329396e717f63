package dev.drydock.ports.error;

/** See {@link ErrorKind#FORBIDDEN}. */
public final class ForbiddenException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** The platform's standard text for a permission refusal. */
    public static final String DEFAULT = "You do not have permission to perform this action.";

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FORBIDDEN;
    }
}
