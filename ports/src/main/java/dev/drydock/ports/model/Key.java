package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An SSH public key of a user. {@code id} is globally unique; so is {@code publicKey}. */
public record Key(UUID uuid, String owner, String id, String publicKey, String fingerprint,
                  Instant created, Instant updated) {
    public Key {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
