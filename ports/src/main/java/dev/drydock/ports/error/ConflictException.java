package dev.drydock.ports.error;

/** See {@link ErrorKind#CONFLICT}. */
public final class ConflictException extends DrydockException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}
