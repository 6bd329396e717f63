package dev.drydock.ports.error;

/**
 * See {@link ErrorKind#NOT_FOUND}. A failed object lookup ("No App matches the given query.") is
 * told apart from other missing things, because clients of the platform see the first as a bare
 * message and the second as a detail.
 */
public final class NotFoundException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final boolean lookup;

    public NotFoundException(String message) {
        this(message, true);
    }

    public NotFoundException(String message, boolean lookup) {
        super(message);
        this.lookup = lookup;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    /** Whether this is a failed lookup of a stored object by its key. */
    public boolean lookup() {
        return lookup;
    }
}
