package dev.drydock.jdbc.internal;

import dev.drydock.ports.error.DrydockException;

/** The errors the repositories give, worded as the in-memory store words them. */
final class Rows {
    private Rows() {
    }

    static DrydockException missing(String model) {
        return DrydockException.notFound("No " + model + " matches the given query.");
    }

    static DrydockException taken(String what) {
        return DrydockException.conflict(what + " already exists.");
    }

    /** {@code what} is taken if {@code e} broke that unique constraint; otherwise the general translation. */
    static RuntimeException unique(RuntimeException e, String constraint, String what) {
        boolean broke = Errors.failure(e)
                .filter(f -> f.kind() == Errors.Kind.UNIQUE && f.is(constraint)).isPresent();
        return broke ? taken(what) : Errors.translate(e);
    }

    /** A conflict with this message if {@code e} is a removal that rows still refer to. */
    static RuntimeException stillReferenced(RuntimeException e, String message) {
        boolean referenced = Errors.failure(e).filter(f -> f.kind() == Errors.Kind.CHILD_EXISTS).isPresent();
        return referenced ? DrydockException.conflict(message) : Errors.translate(e);
    }

    /** Not found with this model's message if {@code e} names a parent that is not there. */
    static RuntimeException parentMissing(RuntimeException e, String constraint, String model) {
        boolean missing = Errors.failure(e)
                .filter(f -> f.kind() == Errors.Kind.PARENT_MISSING && f.is(constraint)).isPresent();
        return missing ? missing(model) : Errors.translate(e);
    }
}
