package dev.drydock.ports.error;

/** See {@link ErrorKind#UNAVAILABLE}. */
public final class UnavailableException extends DrydockException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAVAILABLE;
    }
}
