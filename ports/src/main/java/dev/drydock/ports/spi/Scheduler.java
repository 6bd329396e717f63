package dev.drydock.ports.spi;

import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an app's current release and structure into running processes: Kubernetes Deployments, or
 * a simulation. Failures are reported as {@code DrydockException}s: {@code UnavailableException}
 * when the scheduler cannot be reached or refuses, {@code InvalidException} when the deploy itself
 * is wrong, {@code ConflictException} when a deploy is already in progress.
 *
 * <p>A real cluster is asynchronous: it takes its time to start pods, and to remove them and
 * spaces. So each call says what it waits for, and every wait is bounded (by the scheduler's
 * deploy timeout, or its run timeout for {@link #run}). Pods being removed may still be listed for
 * a while, in state {@code terminating}; counts below are of the other pods.
 */
public interface Scheduler {
    /** What this scheduler really does; see {@link SchedulerCapabilities}. */
    SchedulerCapabilities capabilities();

    /** Whether the scheduler already has a space (namespace) with this name. */
    boolean exists(String app);

    /**
     * Makes the app's space and service; doing it again is harmless. A space of the same name still
     * terminating from a {@link #destroy} is waited for until it is gone (bounded), then made again:
     * this never fails because the app was destroyed a moment ago, only with
     * {@code UnavailableException} if the old space is still there when the wait is up.
     */
    void create(String app);

    /**
     * Removes the app's space and all it runs; an app that is already gone is fine. It finishes
     * asynchronously: {@link #exists} is false as soon as it returns, but the app's pods may still be
     * listed while the space terminates, and go within a bounded time. A {@link #create} (or
     * deploy, run) of the same name meanwhile waits for the old space and does not fail; a
     * {@link #route} does not wait (see there).
     */
    void destroy(String app);

    /**
     * Rolls out a release with the given structure (types at 0 keep an empty deployment), and waits
     * until every type with a count runs that many ready pods of the release, up to the deploy
     * timeout. A rollout that fails (pods that cannot pull their image or crash, or that are not
     * ready in time) is undone, each type put back as it was before, and reported as
     * {@code InvalidException} whose message gives the reason.
     */
    void deploy(DeployPlan plan);

    /**
     * Sets the process counts of the plan's types, leaving the release as it is, and waits until
     * each type has that many pods (ready or not), up to the deploy timeout; {@code UnavailableException}
     * when they are not there in time.
     */
    void scale(DeployPlan plan);

    /**
     * The app's pods of one release ({@code vN}), optionally of one type, newest first. Pods being
     * removed may be among them, in state {@code terminating}.
     */
    List<Pod> pods(String app, String release, Optional<String> type);

    /**
     * Replaces pods (all, one type, or one by name) and returns the new ones. It returns once the
     * replacements exist (each type has its count again), or when its wait (the deploy timeout) is
     * up, with those there are then; the replaced pods may still be listed as {@code terminating}.
     * Nothing matched gives an empty list.
     */
    List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name);

    /**
     * Runs a one-off command in the release's image and waits for it to end, for a bounded time (the
     * scheduler's run timeout): the result has the command's exit code, or a non-zero one and a
     * message saying why when it did not run or end in time.
     */
    RunResult run(DeployPlan plan, String command);

    /** The last lines the app's processes wrote; empty when there are none or none can be had. */
    List<String> logs(String app, int lines);

    /**
     * Tells the router side where and how an app is reached. The core calls this inside the write
     * that changes the routing (so updates arrive in order and a refusal undoes the change); for a
     * new app it comes before {@link #create}, so an adapter makes what it needs to route if it is
     * not there yet. Keep it quick and bounded in time: a database write waits for it. So it does
     * not wait for a space of the same name still terminating: it checks the routing can be made,
     * answers at once, and the routing is made with the new space (by {@link #create},
     * {@link #deploy} or {@link #run}). It may be called again with the
     * same routing (a retried write), so it must be idempotent: the latest call wins.
     */
    void route(Routing routing);

    /** Whether at least one node carries every one of these labels. */
    boolean nodesMatch(Map<String, String> labels);
}
