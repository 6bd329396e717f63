package dev.drydock.ports.spi;

import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Optional;

/** Certificates, by unique name. */
public interface CertificateRepository {
    /** Stores a certificate and returns it with its assigned id; a taken name throws {@code ConflictException}. */
    Certificate insert(Certificate certificate);

    /** The certificate with this name, whoever owns it. */
    Optional<Certificate> find(String name);

    /**
     * The certificate with this name, locked until the write ends (see {@link AppRepository#lock}).
     * Writes that attach, detach or delete a certificate take this before the apps they touch.
     * Only inside {@link Transactions#write}.
     */
    Optional<Certificate> lock(String name);

    /** A user's certificates ordered by name. */
    Page<Certificate> listByOwner(String owner, PageRequest page);

    /** Whether a user owns any certificate. */
    boolean anyOwnedBy(String owner);

    /** Removes a certificate, detaching it from its domains; returns whether it was there. */
    boolean delete(String name);
}
