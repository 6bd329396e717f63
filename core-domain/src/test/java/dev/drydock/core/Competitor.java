package dev.drydock.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Another request, on its own thread, started while the test's thread is at a chosen point (in a
 * scheduler call, holding a monitor or a write): {@link #start} returns once that request has
 * finished or waits for a lock, so the test goes on knowing which of the two it is waiting for.
 */
public final class Competitor {
    private final Thread thread;
    private final AtomicReference<RuntimeException> error = new AtomicReference<>();

    private Competitor(Runnable request) {
        this.thread = new Thread(() -> {
            try {
                request.run();
            } catch (RuntimeException e) {
                error.set(e);
            }
        }, "competitor");
    }

    /** Starts {@code request} and returns once it has ended or waits for a lock (a monitor or the store's). */
    public static Competitor start(Runnable request) {
        Competitor competitor = new Competitor(request);
        competitor.thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stopped(competitor.thread.getState())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the competing request neither ended nor waited: "
                        + competitor.thread.getState());
            }
            LockSupport.parkNanos(1_000_000);
        }
        return competitor;
    }

    private static boolean stopped(Thread.State state) {
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TERMINATED;
    }

    /** Waits for the request to end; what it threw, or null. */
    public RuntimeException finish() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (thread.isAlive()) {
            throw new AssertionError("the competing request did not end");
        }
        return error.get();
    }
}
