package dev.drydock.ports.spi;

import java.util.function.Function;

/**
 * Units of work over the {@link Store}. Everything a {@code write} does is applied together or not
 * at all: if the work throws, nothing it wrote is kept and the exception reaches the caller.
 * Writes to one app are serialised, so two writers cannot both read version N and both insert
 * N + 1.
 */
public interface Transactions {
    /** Runs read-only work on a consistent view of the store. */
    <T> T read(Function<Store, T> work);

    /** Runs work that writes, atomically. */
    <T> T write(Function<Store, T> work);

    /** {@link #write} for work with no result. */
    default void writeVoid(java.util.function.Consumer<Store> work) {
        write(store -> {
            work.accept(store);
            return null;
        });
    }
}
