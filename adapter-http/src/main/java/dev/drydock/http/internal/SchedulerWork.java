package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the part of a request that may wait on the scheduler (a deploy waits for its rollout, a
 * one-off run for its command) on threads of its own, so that the few workers that run the API
 * are let go meanwhile and slow deploys cannot starve the other requests. The worker still checks
 * the caller and reads the body; only the call to the core comes here.
 *
 * <ul>
 *   <li>At most {@code threads} such calls run at once, and none waits in line: one more gets 503
 *       with {@code Retry-After} at once, as a full worker queue does.</li>
 *   <li>A call runs to its end even when its client has gone away, so the deploy finishes or is
 *       marked failed, and its app's deploy lock is let go; the answer to a client that is gone is
 *       dropped with a debug line (see {@link ClientAborts}).</li>
 *   <li>Its answer, or the error it throws, goes through the same writers and {@link ErrorMapper}
 *       as that of any other request.</li>
 * </ul>
 */
public final class SchedulerWork implements AutoCloseable {
    static final String BUSY = "Too many deploys are in progress on this server; try again shortly.";
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerWork.class);
    // after the grace period, how long interrupted calls get to mark their releases failed
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(1);

    private final ThreadPoolExecutor pool;
    // the cap counts calls, not threads: a thread that has just answered is still busy for a moment
    // before it takes new work, and a pool capped by threads alone refused calls within the limit then
    private final Semaphore calls;

    public SchedulerWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.calls = new Semaphore(threads);
        // threads up to the limit, each ending after a minute without work, so an idle server keeps
        // none; the queue only ever holds calls admitted while a thread finishes its last one
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "drydock-deploy-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Answers a suspended request with what {@code call} returns (an entity or a {@code Response}),
     * or with the error it throws, once it returns; at once with 503 when all threads are taken.
     */
    public void answer(AsyncResponse response, Supplier<?> call) {
        if (!calls.tryAcquire()) {
            response.resume(DrydockException.unavailable(BUSY));
            return;
        }
        try {
            pool.execute(() -> run(response, call));
        } catch (RejectedExecutionException stopping) {
            calls.release();
            response.resume(DrydockException.unavailable(BUSY));
        }
    }

    private void run(AsyncResponse response, Supplier<?> call) {
        Object answer = null;
        Throwable failure = null;
        try {
            answer = call.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            // let go before answering, so a client that sends its next call at once finds room
            calls.release();
        }
        boolean resumed = failure == null ? response.resume(answer) : response.resume(failure);
        if (!resumed) {
            LOG.debug("a request that waited on the scheduler was already answered or cancelled");
        }
    }

    /**
     * Takes no more calls and lets running ones end within {@code grace}; then interrupts those
     * still running and waits a moment more for them to mark their releases failed.
     */
    public void close(Duration grace) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warn("{} requests waiting on the scheduler did not end within {} s of stopping; interrupting them",
                    pool.getActiveCount(), grace.toSeconds());
            pool.shutdownNow();
            pool.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #close(Duration)} with a grace period of five seconds. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
