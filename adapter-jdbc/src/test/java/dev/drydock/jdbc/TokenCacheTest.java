package dev.drydock.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token holders are cached between reads: a revoke or a change to the account must still be seen
 * at once on the server that made it, soon on every other server, and never undone by a read that
 * was under way when it happened.
 */
class TokenCacheTest {
    static Stream<String> stores() {
        return Stream.of("h2", "postgres");
    }

    private static JdbcStorage storage(String store) {
        JdbcStorage storage = store.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        waitFor(storage::cachesTokens, "the token cache to be on");
        return storage;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aReadUnderWayDuringARevokeDoesNotBringTheTokenBack(String store) {
        Transactions tx = storage(store).transactions();
        // the first time, the read is stopped at its second statement and run again in a
        // transaction; from then on it starts in one, which is the case to try
        for (int i = 0; i < 2; i++) {
            User user = Fixtures.user(Fixtures.unique("user"));
            String digest = Fixtures.unique("digest");
            tx.writeVoid(s -> {
                s.users().insert(user);
                s.tokens().add(digest, user.username());
            });
            assertThat(tx.read((Store s) -> s.tokens().holder(digest))).contains(user);

            readingAcrossARevoke(tx, user, digest);

            assertThat(tx.read((Store s) -> s.tokens().holder(digest))).isEmpty();
        }
    }

    private static Optional<User> readingAcrossARevoke(Transactions tx, User user, String digest) {
        return tx.read((Store s) -> {
            s.users().find(user.username()); // the read's snapshot starts here, before the revoke
            CompletableFuture.runAsync(() -> tx.writeVoid(w -> w.tokens().revokeAll(user.username())))
                    .orTimeout(30, TimeUnit.SECONDS).join();
            return s.tokens().holder(digest);
        });
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anAccountChangeReachesTheNextLookupOfTheUser(String store) {
        Transactions tx = storage(store).transactions();
        User admin = Fixtures.user(Fixtures.unique("user")).withSuperuser(true);
        tx.writeVoid(s -> s.users().insert(admin));
        // twice: the second lookup is the cached one
        assertThat(tx.read((Store s) -> s.users().find(admin.username()))).contains(admin);
        assertThat(tx.read((Store s) -> s.users().find(admin.username()))).contains(admin);

        User revoked = admin.withSuperuser(false);
        tx.writeVoid(s -> s.users().update(revoked));

        assertThat(tx.read((Store s) -> s.users().find(admin.username()))).contains(revoked);
    }

    @Test
    void aRevokeOnOneServerReachesTheOther() {
        Transactions a = storage("postgres").transactions();
        try (JdbcStorage other = TestDatabases.anotherPostgresServer()) {
            waitFor(other::cachesTokens, "the second server's token cache to be on");
            Transactions b = other.transactions();
            User user = Fixtures.user(Fixtures.unique("user"));
            String digest = Fixtures.unique("digest");
            a.writeVoid(s -> {
                s.users().insert(user);
                s.tokens().add(digest, user.username());
            });
            assertThat(b.read((Store s) -> s.tokens().holder(digest))).contains(user);
            assertThat(b.read((Store s) -> s.tokens().holder(digest))).contains(user);

            User admin = user.withSuperuser(true);
            a.writeVoid(s -> s.users().update(admin));
            waitFor(() -> b.read((Store s) -> s.tokens().holder(digest)).equals(Optional.of(admin)),
                    "the second server to see the new admin");

            a.writeVoid(s -> s.tokens().revokeAll(user.username()));
            waitFor(() -> b.read((Store s) -> s.tokens().holder(digest)).isEmpty(),
                    "the second server to see the revoke");
        }
    }

    @Test
    void withoutItsListenerAServerCachesNothing() {
        JdbcStorage other = TestDatabases.anotherPostgresServer();
        waitFor(other::cachesTokens, "the second server's token cache to be on");
        other.close();
        assertThat(other.cachesTokens()).isFalse();
    }

    private static void waitFor(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
