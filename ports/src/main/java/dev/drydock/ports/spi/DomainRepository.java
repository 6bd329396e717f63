package dev.drydock.ports.spi;

import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.List;
import java.util.Optional;

/** Domains; a domain name belongs to at most one app across the platform. */
public interface DomainRepository {
    /** Stores a domain; a taken name throws {@code ConflictException}. */
    void insert(Domain domain);

    /** Replaces a stored domain (same name), e.g. to attach a certificate. */
    void update(Domain domain);

    Optional<Domain> find(String domain);

    /** An app's domains ordered by name. */
    Page<Domain> list(String app, PageRequest page);

    /** The domains a certificate is attached to, ordered by name. */
    List<Domain> withCertificate(String certificate);

    boolean delete(String domain);
}
