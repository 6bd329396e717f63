package dev.drydock.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API tokens: 40 lowercase hex characters (160 random bits), the shape clients of the platform
 * expect. Only their SHA-256 digest is stored; a fast digest is enough because the token itself is
 * random, and it keeps every authenticated request cheap.
 */
public final class ApiTokens {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{40}");
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    public ApiTokens() {
        this(new SecureRandom());
    }

    ApiTokens(SecureRandom random) {
        this.random = random;
    }

    /** A new random token. */
    public String issue() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** Whether a string could be a token at all. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** The lowercase hex SHA-256 digest under which a token is stored. */
    public static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // SHA-256 is required of every Java SE platform.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
