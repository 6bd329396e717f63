package dev.drydock.ports.spi;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lock that lets the deploys, scales and destruction of one app reach the scheduler one at a
 * time, on every server that shares the store. It is held across scheduler calls, which may take
 * long (a rollout), so it is not a lock of the store's transactions: work run under it opens its
 * own units of work on {@link Transactions}.
 *
 * <p>An app is named by its uuid, so an app destroyed and created again under the same id does not
 * share a lock with its predecessor.
 */
public interface DeployLock {
    /**
     * Runs {@code work} while holding the deploy lock of this app, and returns what it returns.
     * Waits while anyone else holds the lock. The lock is reentrant on one thread, and it is let go
     * when the work ends, also when it throws. Call it outside any unit of work of
     * {@link Transactions}: a holder may wait for the store, and the store must not wait for a
     * holder. A lock that cannot be had because the store behind it is unreachable throws
     * {@code UnavailableException}.
     */
    <T> T holding(UUID app, Supplier<T> work);
}
