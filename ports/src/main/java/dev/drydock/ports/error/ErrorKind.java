package dev.drydock.ports.error;

/** What went wrong, in the terms a client sees. The HTTP adapter maps each kind to one status. */
public enum ErrorKind {
    /** The object asked for does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The request is malformed or breaks a rule; may carry messages per field. */
    INVALID,
    /** The request clashes with what is stored (already exists, changed nothing, still in use). */
    CONFLICT,
    /** The request is well formed but asks for something impossible (unsetting a missing key). */
    UNPROCESSABLE,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /** The caller is not known: no, bad or revoked credentials. */
    UNAUTHORIZED,
    /** A backing service (scheduler, database) cannot do it now. */
    UNAVAILABLE
}
