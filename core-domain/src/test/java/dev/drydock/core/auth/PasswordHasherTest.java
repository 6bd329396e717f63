package dev.drydock.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.UnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void encodesAlgorithmIterationsSaltAndHash() {
        String encoded = hasher.hash("s3cret");

        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2_sha256");
        assertThat(parts[1]).isEqualTo("1000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(encoded).doesNotContain("s3cret");
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String encoded = hasher.hash("s3cret");

        assertThat(hasher.verify("s3cret", encoded)).isTrue();
        assertThat(hasher.verify("s3cret ", encoded)).isFalse();
        assertThat(hasher.verify("S3cret", encoded)).isFalse();
        assertThat(hasher.verify("", encoded)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void keepsVerifyingHashesMadeWithOtherIterationCounts() {
        String old = new PasswordHasher(500).hash("pässwörd");

        assertThat(hasher.verify("pässwörd", old)).isTrue();
    }

    @Test
    void matchesNothingAgainstAMalformedHash() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "md5$1$abc$def")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2_sha256$notanumber$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2_sha256$1000$!!!$AAAA")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2_sha256$0$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify(null, hasher.hash("x"))).isFalse();
    }

    @Test
    void hashesOnlyAsManyAtOnceAsThereArePermits() throws Exception {
        Semaphore permits = new Semaphore(2, true);
        PasswordHasher limited = new PasswordHasher(1000, new SecureRandom(), permits, Duration.ofMillis(20), 8);
        String encoded = limited.hash("s3cret");

        permits.acquire(2);
        try {
            assertThatThrownBy(() -> limited.hash("s3cret")).isInstanceOf(UnavailableException.class)
                    .hasMessage("Too many logins at once, try again later.");
            assertThatThrownBy(() -> limited.verify("s3cret", encoded)).isInstanceOf(UnavailableException.class);
            assertThat(limited.verify("s3cret", "malformed")).as("nothing to hash").isFalse();
        } finally {
            permits.release(1);
        }

        assertThat(limited.verify("s3cret", encoded)).isTrue();
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void callersPastTheWaitingRoomAreRefusedAtOnce() throws Exception {
        Semaphore permits = new Semaphore(1, true);
        PasswordHasher limited = new PasswordHasher(1000, new SecureRandom(), permits, Duration.ofSeconds(30), 1);
        String encoded = limited.hash("s3cret");
        permits.acquire();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Boolean> waiter = pool.submit(() -> limited.verify("s3cret", encoded));
            while (!permits.hasQueuedThreads()) {
                Thread.sleep(5);
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> limited.verify("s3cret", encoded)).isInstanceOf(UnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without waiting")
                    .isLessThan(Duration.ofSeconds(5));
            permits.release();
            assertThat(waiter.get()).as("the one that waited got its turn").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
