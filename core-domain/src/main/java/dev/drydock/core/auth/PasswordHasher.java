package dev.drydock.core.auth;

import dev.drydock.ports.error.DrydockException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow, salted password hashes: PBKDF2 with HMAC-SHA256, encoded like Django's as
 * {@code pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>}. A hash carries its own iteration
 * count, so raising the setting later keeps old hashes verifiable.
 *
 * <p>Hashing is slow on purpose, so anyone who can send a login could keep every core busy with it.
 * At most one hash per available processor but one runs at a time, so requests that need no hash
 * (token checks) keep a processor; as many callers again may wait for a slot, for a second at most.
 * Any other caller gets "unavailable" at once, so that a flood of logins holds only a few of the
 * server's request threads instead of queueing on all of them.
 */
public final class PasswordHasher {
    public static final String ALGORITHM = "pbkdf2_sha256";
    private static final String JCA_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    // Refuse absurd counts from a tampered store rather than spin for hours.
    private static final int MAX_ITERATIONS = 100_000_000;
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final int HASHES_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    static final String BUSY = "Too many logins at once, try again later.";

    private final int iterations;
    private final SecureRandom random;
    private final Semaphore permits;
    private final Duration wait;
    private final int maxWaiting;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    public PasswordHasher(int iterations) {
        this(iterations, new SecureRandom(), new Semaphore(HASHES_AT_ONCE, true), WAIT, HASHES_AT_ONCE);
    }

    /**
     * @param permits    hashes at once; must be fair, so that waiting callers are served in turn
     * @param maxWaiting callers that may wait for a permit; the rest are refused at once
     */
    PasswordHasher(int iterations, SecureRandom random, Semaphore permits, Duration wait, int maxWaiting) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
        this.random = random;
        this.permits = permits;
        this.wait = wait;
        this.maxWaiting = maxWaiting;
    }

    /** Hashes a password with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password matches the encoded hash; a malformed hash matches nothing. */
    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        int rounds;
        byte[] salt;
        byte[] expected;
        try {
            rounds = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (rounds < 1 || rounds > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(password, salt, rounds));
    }

    private byte[] derive(String password, byte[] salt, int rounds) {
        if (!permits.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw DrydockException.unavailable(BUSY);
            }
            try {
                if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw DrydockException.unavailable(BUSY);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DrydockException.unavailable(BUSY, e);
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return pbkdf2(password, salt, rounds);
        } finally {
            permits.release();
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int rounds) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(JCA_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // PBKDF2WithHmacSHA256 is required of every Java SE platform.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + ALGORITHM + ", " + iterations + " iterations]";
    }
}
