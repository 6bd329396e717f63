package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Whether HTTPS is enforced for an app; {@code httpsEnforced} is null until first set. */
public record Tls(UUID uuid, String app, String owner, Boolean httpsEnforced, Instant created, Instant updated) {
    public Tls {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(owner, "owner");
    }

    public Tls withOwner(String newOwner) {
        return new Tls(uuid, app, newOwner, httpsEnforced, created, updated);
    }
}
