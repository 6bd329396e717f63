package dev.drydock.ports.contract;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.model.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records for contract tests. Names carry a random suffix so tests can share one database without
 * wiping it; timestamps are whole milliseconds and strictly increasing, so every adapter stores
 * them exactly and orders them the same way.
 */
public final class Fixtures {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicLong TICKS = new AtomicLong();

    private Fixtures() {
    }

    /** {@code prefix} plus a hyphen and 8 random lowercase letters or digits: valid as an app id, username or domain label. */
    public static String unique(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A later instant on every call. */
    public static Instant now() {
        return BASE.plusMillis(TICKS.incrementAndGet());
    }

    public static User user(String username) {
        return user(username, false);
    }

    public static User user(String username, boolean superuser) {
        return new User(username, username + "@example.com", "First", "Last", superuser, superuser, true,
                null, now(), "pbkdf2_sha256$600000$salt$digest");
    }

    public static App app(String id, String owner) {
        Instant now = now();
        return new App(UUID.randomUUID(), id, owner, Map.of("web", 1), Map.of("web", "node server.js"), now, now);
    }

    public static Config config(String app, String owner) {
        return Config.initial(UUID.randomUUID(), app, owner, now());
    }

    public static Config config(String app, String owner, Map<String, Object> values) {
        Instant now = now();
        return new Config(UUID.randomUUID(), app, owner, values, Map.of("web", "512M"), Map.of("web", "500m"),
                Map.of("disk", "ssd"), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), now, now);
    }

    public static Build build(String app, String owner) {
        Instant now = now();
        return new Build(UUID.randomUUID(), app, owner, "registry.example.com/" + app + ":git-abc1234", "",
                Map.of("web", "node server.js", "worker", "node worker.js"), "", now, now);
    }

    public static Release release(String app, String owner, int version, Config config, Build build) {
        Instant now = now();
        return new Release(UUID.randomUUID(), app, owner, version, owner + " deployed v" + version, false, null,
                config.uuid(), build == null ? null : build.uuid(), now, now);
    }

    public static Domain domain(String name, String app, String owner) {
        Instant now = now();
        return new Domain(name, app, owner, null, now, now);
    }

    public static Certificate certificate(String name, String owner) {
        Instant now = now();
        return new Certificate(0, owner, name, name + ".example.com", List.of(name + ".example.com"),
                "AB:CD:" + name.toUpperCase(), now, now.plusSeconds(86_400), "/CN=issuer", "/CN=" + name,
                "-----BEGIN CERTIFICATE-----\nMIIB" + name + "\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\nMIIE" + name + "\n-----END PRIVATE KEY-----\n", now, now);
    }

    public static Key key(String id, String owner) {
        String blob = unique("AAAAC3NzaC1lZDI1NTE5");
        Instant now = now();
        return new Key(UUID.randomUUID(), owner, id, "ssh-ed25519 " + blob + " " + id, fingerprintOf(blob), now, now);
    }

    private static String fingerprintOf(String text) {
        StringBuilder s = new StringBuilder();
        byte[] bytes = Integer.toHexString(text.hashCode()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < 16; i++) {
            if (i > 0) {
                s.append(':');
            }
            s.append(String.format("%02x", bytes[i % bytes.length] ^ RANDOM.nextInt(256)));
        }
        return s.toString();
    }

    public static Tls tls(String app, String owner, Boolean httpsEnforced) {
        Instant now = now();
        return new Tls(UUID.randomUUID(), app, owner, httpsEnforced, now, now);
    }
}
