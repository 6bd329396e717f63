package dev.drydock.core;

import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Transactions with a hook before the next outermost write: give the services under test these,
 * and keep the plain ones for the test's own reads and set-up.
 */
public final class InterleavedTransactions implements Transactions {
    private final Transactions delegate;
    private final AtomicReference<Runnable> next = new AtomicReference<>();
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    public InterleavedTransactions(Transactions delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Runs {@code competing} once, just before the next write begins (not a nested one), on the
     * same thread. It puts another request's change exactly between a service's reads and its
     * write, so races are tested without hoping that threads collide.
     */
    public void beforeNextWrite(Runnable competing) {
        next.set(Objects.requireNonNull(competing, "competing"));
    }

    @Override
    public <T> T read(Function<Store, T> work) {
        return nested(() -> delegate.read(work));
    }

    @Override
    public <T> T write(Function<Store, T> work) {
        if (depth.get() == 0) {
            Runnable competing = next.getAndSet(null);
            if (competing != null) {
                competing.run();
            }
        }
        return nested(() -> delegate.write(work));
    }

    private <T> T nested(Supplier<T> unit) {
        depth.set(depth.get() + 1);
        try {
            return unit.get();
        } finally {
            depth.set(depth.get() - 1);
        }
    }
}
