package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.User;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token digests and their holders, and users by name, as last read, so that a request is not two round trips to the
 * database (its token, then its work) when one will do. Every write that changes a user or
 * revokes a token empties it when it commits; with several servers on one database each is told
 * by a notification (see {@link PostgresAuthListener}), and the cache is off for as long as that
 * notification cannot reach this server. Only reads use it; writes see the database.
 *
 * <p>An entry is stored only if nothing emptied the cache while it was read, so a read that began
 * before a revoke and ends after it cannot bring the revoked token back.
 */
public final class TokenCache {
    // bounded: only tokens that exist get here, but a platform can have many; past this it starts again
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, User> holders = new ConcurrentHashMap<>();
    // the same users by name: every use case checks its caller's account as stored now, and that
    // check must not cost a round trip (or turn a one-statement read into a transaction)
    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();
    private long generation;
    private boolean on;

    public TokenCache(boolean on) {
        this.on = on;
    }

    /** The cached holder of a digest, if the cache is on and has one. */
    Optional<User> holder(String digest) {
        return Optional.ofNullable(holders.get(digest));
    }

    /** The cached user of this name, if the cache is on and has one. */
    Optional<User> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** The generation to give {@link #remember} for a read about to start; negative when the cache is off. */
    synchronized long generation() {
        return on ? generation : -1;
    }

    /** Keeps what a read found, unless the cache was emptied or turned off since it began. */
    synchronized void remember(long since, String digest, User holder) {
        if (since < 0 || since != generation || !on) {
            return;
        }
        if (holders.size() >= MAX_ENTRIES) {
            holders.clear();
        }
        holders.put(digest, holder);
        rememberUser(since, holder);
    }

    /** Keeps a user as a read found it, unless the cache was emptied or turned off since it began. */
    synchronized void rememberUser(long since, User user) {
        if (since < 0 || since != generation || !on) {
            return;
        }
        if (users.size() >= MAX_ENTRIES) {
            users.clear();
        }
        users.put(user.username(), user);
    }

    public synchronized boolean on() {
        return on;
    }

    /** Empties the cache: users or tokens changed. */
    synchronized void invalidate() {
        generation++;
        holders.clear();
        users.clear();
    }

    /** Turns the cache on or off (off while changes made elsewhere cannot be heard of), emptying it. */
    synchronized void enable(boolean enabled) {
        on = enabled;
        invalidate();
    }
}
