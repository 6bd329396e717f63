package dev.drydock.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may cost the server, so that none can stall it for the others.
 *
 * @param workers        threads that run requests (they block on the store and the scheduler)
 * @param queue          requests that may wait for a worker; past that a request gets 503 with
 *                       {@code Retry-After} at once, instead of waiting without bound
 * @param bodyDeadline   how long a request's whole body may take to arrive before it gets 408 and
 *                       its connection is closed; a body is received before a worker is given to it
 * @param writeDeadline  how long a response may wait for a peer that does not read before the
 *                       connection is closed
 * @param maxConnections open connections at once; past that new ones are closed on arrival, with
 *                       a line in the log
 * @param deployWorkers  requests that may wait on the scheduler at once (deploys, scaling, restarts,
 *                       one-off runs, creating and destroying apps); they wait on threads of their
 *                       own, not on the workers, and past that a request gets 503 with
 *                       {@code Retry-After} at once
 */
public record HttpLimits(int workers, int queue, Duration bodyDeadline, Duration writeDeadline, int maxConnections,
                         int deployWorkers) {
    // 16 deploys, as many as could run before they left the workers: on PostgreSQL each deploy of a
    // different app holds a connection of the deploy-lock pool (20 by default) for its whole rollout,
    // and one that finds none waits, then fails; raise both together
    public static final HttpLimits DEFAULT = new HttpLimits(16, 128, Duration.ofSeconds(20), Duration.ofSeconds(20),
            defaultMaxConnections(), 64);

    public HttpLimits {
        if (workers < 1 || queue < 0 || maxConnections < 1 || deployWorkers < 1) {
            throw new IllegalArgumentException(
                    "workers, maxConnections and deployWorkers must be at least 1, queue at least 0");
        }
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(writeDeadline, "writeDeadline");
        if (bodyDeadline.isNegative() || bodyDeadline.isZero() || writeDeadline.isNegative() || writeDeadline.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive");
        }
    }

    public HttpLimits withWorkers(int workers, int queue) {
        return new HttpLimits(workers, queue, bodyDeadline, writeDeadline, maxConnections, deployWorkers);
    }

    public HttpLimits withDeadlines(Duration body, Duration write) {
        return new HttpLimits(workers, queue, body, write, maxConnections, deployWorkers);
    }

    public HttpLimits withMaxConnections(int max) {
        return new HttpLimits(workers, queue, bodyDeadline, writeDeadline, max, deployWorkers);
    }

    public HttpLimits withDeployWorkers(int deploys) {
        return new HttpLimits(workers, queue, bodyDeadline, writeDeadline, maxConnections, deploys);
    }

    // 1,000, or fewer when the process may open fewer files: leave room for the database, logs and jars
    private static int defaultMaxConnections() {
        long files = -1;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            files = unix.getMaxFileDescriptorCount();
        }
        return files <= 0 ? 1_000 : (int) Math.max(16, Math.min(1_000, files - 256));
    }
}
