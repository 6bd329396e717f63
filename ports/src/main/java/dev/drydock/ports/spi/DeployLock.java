package dev.drydock.ports.spi;

import java.util.UUID;
import java.util.function.Function;

/**
 * The lock that lets the deploys, scales and destruction of one app reach the scheduler one at a
 * time, on every server that shares the store, and the record it guards: the newest release of the
 * app that the scheduler deployed, so that a deploy which a newer one already replaced is skipped.
 * It is held across scheduler calls, which may take long (a rollout), so it is not a lock of the
 * store's transactions: work run under it opens its own units of work on {@link Transactions}.
 *
 * <p>An app is named by its uuid, so an app destroyed and created again under the same id shares
 * neither lock nor record with its predecessor.
 */
public interface DeployLock {
    /** The record of an app's deploys, as the holder of its lock sees it; only valid while held. */
    interface Deploys {
        /** The newest release version of the app that was deployed; 0 before any. */
        int newest();

        /**
         * Records that release {@code version} was deployed; one lower than {@link #newest} changes
         * nothing. Every server sees it once the lock is let go. A store may keep it less durably
         * than the store's own writes: a record lost in a crash of the database only lets a deploy
         * that was replaced while the database went down run after all.
         */
        void deployed(int version);
    }

    /**
     * Runs {@code work} while holding the deploy lock of this app, and returns what it returns.
     * Waits while anyone else holds the lock. The lock is reentrant on one thread, and it is let go
     * when the work ends, also when it throws. Call it outside any unit of work of
     * {@link Transactions}: a holder may wait for the store, and the store must not wait for a
     * holder. A lock that cannot be had because the store behind it is unreachable throws
     * {@code UnavailableException}.
     */
    <T> T holding(UUID app, Function<Deploys, T> work);

    /**
     * Drops the record of an app that is gone. Call it holding the app's lock, once the app is
     * removed from the store.
     */
    void forget(UUID app);
}
