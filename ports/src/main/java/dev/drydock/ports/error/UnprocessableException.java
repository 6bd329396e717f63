package dev.drydock.ports.error;

/** See {@link ErrorKind#UNPROCESSABLE}. */
public final class UnprocessableException extends DrydockException {
    private static final long serialVersionUID = 1L;

    public UnprocessableException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNPROCESSABLE;
    }
}
