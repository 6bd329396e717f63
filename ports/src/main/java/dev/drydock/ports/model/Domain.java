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

    /**
     * The form in which names are compared: ASCII letters lower-cased, as DNS compares names
     * (RFC 4343). Only ASCII letters fold, so a locale's rules (Turkish dotless i) cannot make two
     * names one.
     */
    public static String key(String name) {
        StringBuilder key = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (key == null) {
                    key = new StringBuilder(name);
                }
                key.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return key == null ? name : key.toString();
    }

    public Domain withCertificate(String name, Instant now) {
        return new Domain(domain, app, owner, name, created, now);
    }

    public Domain withOwner(String newOwner) {
        return new Domain(domain, app, newOwner, certificate, created, updated);
    }
}
