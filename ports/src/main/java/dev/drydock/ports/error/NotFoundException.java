package dev.drydock.ports.error;

/** See {@link ErrorKind#NOT_FOUND}. */
public final class NotFoundException extends DrydockException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
