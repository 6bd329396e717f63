package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Tls;

/**
 * Whether an app enforces HTTPS.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; an unknown app with {@code NotFoundException}; a caller who
 * may not use (or, where said, own) the app with {@code ForbiddenException}; a value that breaks a
 * rule with {@code InvalidException} (with field messages where a field is to blame); a backing
 * service that fails with {@code UnavailableException}.
 */
public interface TlsSettings {
    /** The app's current TLS setting. */
    Tls get(Caller caller, String app);

    /** Sets HTTPS enforcement; the same value again is a conflict. */
    Tls set(Caller caller, String app, boolean httpsEnforced);
}
