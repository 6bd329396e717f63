package dev.drydock.ports.spi;

import java.util.function.Function;

/**
 * Units of work over the {@link Store}.
 *
 * <p><b>Atomic.</b> Everything a {@code write} does is applied together or not at all: if the work
 * throws, nothing it wrote is kept and the exception reaches the caller.
 *
 * <p><b>Nesting.</b> Work nested in a unit on the same thread joins that unit. A {@code read}
 * inside a {@code write} sees the changes made so far. A {@code write} inside a {@code write}
 * is a savepoint: if the inner work throws, only its own changes are undone before the exception
 * goes on, and whatever the outer work does with it decides the rest. A {@code write} inside a
 * {@code read} is refused with {@link IllegalStateException}.
 *
 * <p><b>What a read sees.</b> A {@code read} sees a consistent snapshot of what was committed
 * before it began: a write that commits while the read runs is not seen by it, in part or whole.
 * A {@code write} sees every change committed before each of its statements; what it has locked
 * (see below) cannot change under it.
 *
 * <p><b>Serialised writes.</b> Writes to one app are serialised by a named lock, not by
 * accident: a write that reads an app's state in order to change it first takes
 * {@link AppRepository#lock} (and {@link CertificateRepository#lock}, {@link UserRepository#lock}
 * for those records), which waits for any other write holding that lock to end, on any server
 * sharing the store. So two writers cannot both read release version N and both insert N + 1.
 * A write that locks several records takes certificates before apps, and apps in order of id.
 *
 * <p><b>Retries.</b> A store that detects a deadlock or a serialisation failure between writes may
 * run the whole {@code write} work again from the start. The work must therefore be safe to run
 * twice: apart from the store, it may only have effects that are idempotent, such as
 * {@link Scheduler#route}, which sends an app's whole routing every time.
 *
 * <p>The {@link Store} handed to the work belongs to that unit of work and to its thread; it must
 * not be kept after the work returns.
 */
public interface Transactions {
    /**
     * Runs read-only work on a consistent snapshot of the store. The work may be run more than
     * once (a store may start it without a transaction and run it again in one should it read
     * more than once), so it must do nothing but read and return.
     */
    <T> T read(Function<Store, T> work);

    /** Runs work that writes, atomically; see the class comment on locks and retries. */
    <T> T write(Function<Store, T> work);

    /** {@link #write} for work with no result. */
    default void writeVoid(java.util.function.Consumer<Store> work) {
        write(store -> {
            work.accept(store);
            return null;
        });
    }
}
