package dev.drydock.ports.spi;

import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Domains; a domain name belongs to at most one app across the platform.
 *
 * <p>Hostnames are case-insensitive (RFC 4343), so names are compared without regard to the case
 * of ASCII letters everywhere in this port: {@code Example.com} and {@code example.COM} are one
 * name. A domain keeps the name as it was inserted; only comparisons ignore case.
 */
public interface DomainRepository {
    /**
     * Stores a domain; a name already stored in any case, on any app, throws
     * {@code ConflictException}.
     */
    void insert(Domain domain);

    /**
     * Replaces the stored domain of the same name (in any case), e.g. to attach a certificate; none
     * throws {@code NotFoundException}.
     */
    void update(Domain domain);

    /** The domain of this name, in any case; it comes back with its name as stored. */
    Optional<Domain> find(String domain);

    /** An app's domains ordered by name, compared without regard to case. */
    Page<Domain> list(String app, PageRequest page);

    /** The domains a certificate is attached to, ordered by name without regard to case. */
    List<Domain> withCertificate(String certificate);

    /** Removes the domain of this name, in any case; whether there was one. */
    boolean delete(String domain);
}
