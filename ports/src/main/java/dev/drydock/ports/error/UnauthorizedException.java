package dev.drydock.ports.error;

/** See {@link ErrorKind#UNAUTHORIZED}. */
public final class UnauthorizedException extends DrydockException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAUTHORIZED;
    }
}
