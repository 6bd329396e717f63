package dev.drydock.ports.spi;

import java.util.List;
import java.util.Objects;

/**
 * How an app is reached: its domains (ASCII form, sorted), the certificates attached to them with
 * their key material, and whether HTTPS is enforced.
 */
public record Routing(String app, List<String> domains, List<TlsCertificate> certificates, boolean httpsEnforced) {
    public Routing {
        Objects.requireNonNull(app, "app");
        domains = List.copyOf(domains);
        certificates = List.copyOf(certificates);
    }

    /** A certificate as a cluster secret needs it; the key is left out of {@link #toString()}. */
    public record TlsCertificate(String name, List<String> domains, String certificatePem, String keyPem) {
        public TlsCertificate {
            domains = List.copyOf(domains);
        }

        @Override
        public String toString() {
            return "TlsCertificate[" + name + ", " + domains + "]";
        }
    }
}
