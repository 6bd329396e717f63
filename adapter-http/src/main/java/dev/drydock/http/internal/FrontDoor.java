package dev.drydock.http.internal;

import dev.drydock.http.HttpLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.SynchronousQueue;
import org.glassfish.grizzly.memory.Buffers;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.nio.NIOConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, on the thread that read the request and without blocking it, which threads run it, so
 * that no client can hold the few workers that run the API:
 *
 * <ul>
 *   <li>A request whose body is still on its way, or that arrives on a connection whose earlier
 *       answers the peer has not read, goes to a pool of its own ("slow peers"), which first
 *       receives the whole body within the body deadline (else 408, and the connection is closed),
 *       or waits for the peer to read within the write deadline (else the connection is closed).
 *       Slow peers can so hold that pool, never the workers.</li>
 *   <li>Workers are few and their queue is bounded: a request that finds it full gets 503 with
 *       {@code Retry-After} at once, instead of waiting behind a flood.</li>
 * </ul>
 */
public final class FrontDoor extends HttpHandler implements AutoCloseable {
    static final String BUSY = "The server is busy; try again shortly.";
    static final String BODY_TIMEOUT = "The request body did not arrive in time.";
    static final String TOO_LARGE = "Request body is larger than " + JsonBodyReader.MAX_BYTES + " bytes.";
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    // answers a peer has not read yet, past which its next request waits for them to drain
    private static final int BACKLOG_BYTES = 256 * 1024;
    private static final long BACKLOG_POLL_MILLIS = 20;

    private final RequestTargetGuard guard;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor slowPeers;
    private final long bodyMillis;
    private final long writeMillis;
    private final ThreadLocal<Boolean> overloaded = new ThreadLocal<>();
    private final Executor toWorkers;
    private final Executor toSlowPeers;
    private final RequestExecutorProvider executors = this::executorFor;

    public FrontDoor(RequestTargetGuard guard, HttpLimits limits) {
        this.guard = guard;
        this.workers = pool("drydock-http-", limits.workers(), limits.queue(), false);
        // mostly blocked on reads, so cheap: enough for honest slow networks
        this.slowPeers = pool("drydock-http-slow-", limits.workers() * 4, 0, true);
        this.toWorkers = work -> dispatch(workers, work);
        this.toSlowPeers = work -> dispatch(slowPeers, work);
        this.bodyMillis = limits.bodyDeadline().toMillis();
        this.writeMillis = limits.writeDeadline().toMillis();
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue, boolean slowPeers) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = slowPeers ? new SlowPeerThread(r, name + n.incrementAndGet())
                            : new Thread(r, name + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A thread of the slow-peers pool, which receives a body or waits for a peer before a worker runs the request. */
    private static final class SlowPeerThread extends Thread {
        SlowPeerThread(Runnable work, String name) {
            super(work, name);
        }
    }

    @Override
    public void start() {
        guard.start();
    }

    @Override
    public void destroy() {
        guard.destroy();
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
    }

    private Executor executorFor(Request request) {
        return bodyOnItsWay(request) || backlog(request) > BACKLOG_BYTES ? toSlowPeers : toWorkers;
    }

    private void dispatch(ThreadPoolExecutor pool, Runnable work) {
        try {
            pool.execute(work);
        } catch (RejectedExecutionException full) {
            // run here, where service() sees the flag and answers 503 without touching the API
            overloaded.set(Boolean.TRUE);
            try {
                work.run();
            } finally {
                overloaded.remove();
            }
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (overloaded.get() != null) {
            busy(request, response);
            return;
        }
        if (Method.CONNECT.equals(request.getMethod())) {
            // no tunnels here; Grizzly would end this answer by closing the connection, and then keep it
            answerAndClose(request, response, 404, JsonErrorPages.NOT_FOUND);
            return;
        }
        if (!(Thread.currentThread() instanceof SlowPeerThread)) {
            guard.service(request, response);
            return;
        }
        if (backlog(request) > BACKLOG_BYTES && !peerRead(request)) {
            LOG.debug("closed a connection whose peer did not read its answers within {} ms", writeMillis);
            request.getContext().getConnection().closeSilently();
            return;
        }
        if (bodyOnItsWay(request) && !receiveBody(request, response)) {
            return;
        }
        // The request is ready to run: it takes its turn with the others for a worker. It runs on
        // this thread, while the worker waits for it, because Grizzly lets only the thread it gave
        // the request to suspend it (as the endpoints that wait on the scheduler do).
        CountDownLatch turn = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try {
            workers.execute(() -> {
                turn.countDown();
                awaitUninterruptibly(done);
            });
        } catch (RejectedExecutionException full) {
            busy(request, response);
            return;
        }
        try {
            turn.await();
            guard.service(request, response);
        } finally {
            done.countDown();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void busy(Request request, Response response) throws IOException {
        response.setHeader("Retry-After", "1");
        if (bodyOnItsWay(request)) {
            // the unread body would be taken for the next request
            answerAndClose(request, response, 503, BUSY);
        } else {
            request.setAttribute(JsonErrorPages.DETAIL, BUSY);
            response.sendError(503);
        }
    }

    /** Waits, on a slow-peers thread, for the answers queued on the connection to drain. */
    private boolean peerRead(Request request) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(writeMillis);
        while (backlog(request) > BACKLOG_BYTES) {
            if (System.nanoTime() > until || !request.getContext().getConnection().isOpen()) {
                return false;
            }
            Thread.sleep(BACKLOG_POLL_MILLIS);
        }
        return true;
    }

    /**
     * Reads the whole body, on a slow-peers thread, within the body deadline, and puts it back
     * for the API to read; false when the request has been answered (408, 413) instead.
     */
    private boolean receiveBody(Request request, Response response) throws IOException {
        long length = request.getContentLengthLong();
        if (length > JsonBodyReader.MAX_BYTES) {
            // the JSON reader would refuse it: no need to wait for it, or to hold it in memory
            answerAndClose(request, response, 413, TOO_LARGE);
            return false;
        }
        Connection<?> connection = request.getContext().getConnection();
        long before = connection.getReadTimeout(TimeUnit.MILLISECONDS);
        long until = System.currentTimeMillis() + bodyMillis;
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        byte[] chunk = new byte[8192];
        InputStream in = request.getInputStream();
        try {
            while (true) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    answerAndClose(request, response, 408, BODY_TIMEOUT);
                    return false;
                }
                // each read waits no longer than what is left of the whole body's time
                connection.setReadTimeout(left, TimeUnit.MILLISECONDS);
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                body.write(chunk, 0, n);
                if (body.size() > JsonBodyReader.MAX_BYTES) {
                    answerAndClose(request, response, 413, TOO_LARGE);
                    return false;
                }
            }
        } catch (IOException e) {
            if (System.currentTimeMillis() >= until - 5 && connection.isOpen()) {
                answerAndClose(request, response, 408, BODY_TIMEOUT);
            } else {
                // the peer went away mid-body: nobody is left to answer
                LOG.debug("a request body was cut off: {}", e.toString());
                connection.closeSilently();
            }
            return false;
        } finally {
            connection.setReadTimeout(before, TimeUnit.MILLISECONDS);
        }
        request.getInputBuffer().replayPayload(Buffers.wrap(connection.getMemoryManager(), body.toByteArray()));
        return true;
    }

    /** Answers, then closes the connection once the answer is out: the rest of the body is not wanted. */
    private static void answerAndClose(Request request, Response response, int status, String detail)
            throws IOException {
        request.getRequest().getProcessingState().setKeepAlive(false);
        request.setAttribute(JsonErrorPages.DETAIL, detail);
        response.sendError(status);
        response.finish();
        // graceful: what is queued to write is written first
        request.getContext().getConnection().closeSilently();
    }

    private static boolean bodyOnItsWay(Request request) {
        boolean body = request.getContentLength() > 0 || request.getRequest().isChunked();
        return body && !request.getInputBuffer().isFinished();
    }

    private static int backlog(Request request) {
        Connection<?> connection = request.getContext().getConnection();
        if (connection instanceof NIOConnection nio && nio.getAsyncWriteQueue() != null) {
            return nio.getAsyncWriteQueue().spaceInBytes();
        }
        return 0;
    }

    /** Stops taking work; what is queued still runs. */
    @Override
    public void close() {
        workers.shutdown();
        slowPeers.shutdown();
    }
}
