package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.List;

/**
 * TLS certificates of a user and their attachment to domains.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; a caller who may not do this with {@code ForbiddenException};
 * an unknown user or object with {@code NotFoundException}; a value that breaks a rule with
 * {@code InvalidException} (with field messages where a field is to blame); a clash with what is
 * stored with {@code ConflictException}.
 */
public interface Certificates {
    /** A certificate with the names of the domains it is attached to, sorted. */
    record Attached(Certificate certificate, List<String> domains) {
        public Attached {
            domains = List.copyOf(domains);
        }
    }

    /** Parses and stores a certificate with its private key; null means the field was not sent. */
    Attached create(Caller caller, String name, String certificatePem, String keyPem);

    /** The caller's certificates, ordered by name. */
    Page<Attached> list(Caller caller, PageRequest page);

    /** One of the caller's certificates. */
    Attached get(Caller caller, String name);

    /** Removes one of the caller's certificates, detaching it from its domains. */
    void delete(Caller caller, String name);

    /** Attaches a certificate to a domain of an app the caller may use. */
    void attach(Caller caller, String name, String domain);

    /** Detaches a certificate from a domain. */
    void detach(Caller caller, String name, String domain);
}
