package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A hostname routed to an app, stored in its ASCII (IDNA) form. {@code certificate} is the name of
 * the certificate attached to it, or null.
 */
public record Domain(String domain, String app, String owner, String certificate, Instant created, Instant updated) {
    public Domain {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(owner, "owner");
    }

    public Domain withCertificate(String name, Instant now) {
        return new Domain(domain, app, owner, name, created, now);
    }

    public Domain withOwner(String newOwner) {
        return new Domain(domain, app, newOwner, certificate, created, updated);
    }
}
