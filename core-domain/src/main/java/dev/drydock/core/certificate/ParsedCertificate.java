package dev.drydock.core.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the platform shows of a certificate, read from its leaf.
 *
 * @param commonName  the subject's CN, or null when it has none
 * @param san         the DNS names of the subjectAltName extension, in certificate order
 * @param fingerprint SHA-256 of the DER, uppercase hex pairs joined by ':'
 * @param issuer      {@code /C=US/ST=CA/.../CN=...}, in certificate order with OpenSSL's short names;
 *                    {@code /} for an empty name
 * @param subject     like {@code issuer}
 */
record ParsedCertificate(String commonName, List<String> san, String fingerprint, Instant starts, Instant expires,
                         String issuer, String subject) {
    ParsedCertificate {
        san = List.copyOf(san);
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
    }
}
