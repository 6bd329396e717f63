package dev.drydock.ports.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A TLS certificate with its private key. {@code id} is assigned by the store on insert (0 before).
 * The key never leaves through the API and is left out of {@link #toString()}.
 */
public record Certificate(long id, String owner, String name, String commonName, List<String> san,
                          String fingerprint, Instant starts, Instant expires, String issuer, String subject,
                          String certificatePem, String keyPem, Instant created, Instant updated) {
    public Certificate {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        san = san == null ? List.of() : List.copyOf(san);
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(keyPem, "keyPem");
    }

    public Certificate withId(long newId) {
        return new Certificate(newId, owner, name, commonName, san, fingerprint, starts, expires, issuer, subject,
                certificatePem, keyPem, created, updated);
    }

    @Override
    public String toString() {
        return "Certificate[" + id + ", " + name + ", " + fingerprint + "]";
    }
}
