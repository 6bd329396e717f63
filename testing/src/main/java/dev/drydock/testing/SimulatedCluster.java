package dev.drydock.testing;

import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated cluster behind a harness: what it was asked to do, and faults to make it show.
 * Nothing runs on it; each app gets a space, deploys and scales are recorded as plans and pod
 * counts, and routing as the latest {@link Routing}. Get it from {@link DrydockHarness#cluster()}
 * or as a parameter of a test run by {@link DrydockExtension}. It follows
 * {@link DrydockHarness#reset()}: after a reset it shows the new, empty cluster.
 *
 * <h2>Fault hooks</h2>
 * {@link #failNext} makes the next call of an {@link Operation} throw, without changing anything;
 * the call after it works again. {@link #beforeNext} runs an action on the caller's thread just
 * before the next call of an operation goes on, so a test can make something happen while, say,
 * a deploy is under way. Both take an app name to wait for that app's call only. Pending hooks
 * are kept until a call takes them (or a {@link DrydockHarness#reset()} drops them with the cluster).
 *
 * <pre>{@code
 * // the cluster refuses the next deploy: the release is not made and the API says why
 * cluster.failNext(SimulatedCluster.Operation.DEPLOY, "web-shop", new IllegalStateException("quota exceeded"));
 * // POST v2/apps/web-shop/builds/ ... answers an error; cluster.deployments("web-shop") stays empty
 *
 * // something happens while the next scale is under way
 * cluster.beforeNext(SimulatedCluster.Operation.SCALE, () -> cluster.failNext(SimulatedCluster.Operation.ROUTE,
 *         new IllegalStateException("router down")));
 * }</pre>
 *
 * Thread-safe.
 */
public interface SimulatedCluster {
    /** The cluster calls a fault hook can wait for. */
    enum Operation {
        /** Asking whether an app's space exists. */
        EXISTS,
        /** Making an app's space (when an app is created). */
        CREATE,
        /** Removing an app's space (when an app is deleted). */
        DESTROY,
        /** Rolling out a release. */
        DEPLOY,
        /** Changing how many pods of each type run. */
        SCALE,
        /** Replacing running pods. */
        RESTART,
        /** A one-off command ({@code run}). */
        RUN,
        /** Giving an app's domains and certificates to the router. */
        ROUTE
    }

    /** Whether the app has a space on the cluster, without taking a hook that waits for {@link Operation#EXISTS}. */
    boolean hasSpace(String app);

    /** Every plan deployed for the app since its space was made, oldest first; empty for an unknown app. */
    List<DeployPlan> deployments(String app);

    /** How many pods of each process type the app has now, by type; empty for an unknown app. */
    Map<String, Integer> running(String app);

    /** The latest routing given for the app (domains, certificates, HTTPS enforced), if any. */
    Optional<Routing> routing(String app);

    /**
     * Makes the next call of this operation, for any app, throw this error without changing
     * anything; the call after it works again. A later {@code failNext} for the same operation
     * replaces this one.
     */
    void failNext(Operation operation, RuntimeException error);

    /**
     * {@link #failNext(Operation, RuntimeException)} for this app's calls only: other apps' calls
     * go through and the failure waits. When a call could take both this and a failure for any
     * app, this one is thrown and the other waits for the next call.
     */
    void failNext(Operation operation, String app, RuntimeException error);

    /**
     * Makes the next {@link Operation#CREATE} make the app's space and then throw this error, like a
     * cluster that made the namespace but failed on what comes after it. It replaces every pending
     * {@code failNext(Operation.CREATE, ...)}.
     */
    void failNextCreateAfterSpace(RuntimeException error);

    /**
     * Makes the next call of this operation, for any app, first run this action once and then go on
     * as usual (failing, if {@link #failNext} asked for it). The action runs on the caller's thread
     * outside the cluster's lock, so it may call the API or wait for other threads that do. A later
     * {@code beforeNext} for the same operation replaces this one.
     */
    void beforeNext(Operation operation, Runnable action);

    /**
     * {@link #beforeNext(Operation, Runnable)} for this app's calls only. A call that has an action
     * for its app and one for any app runs both, its app's first.
     */
    void beforeNext(Operation operation, String app, Runnable action);
}
