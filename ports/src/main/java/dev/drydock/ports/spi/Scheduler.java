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
 */
public interface Scheduler {
    /** What this scheduler really does; see {@link SchedulerCapabilities}. */
    SchedulerCapabilities capabilities();

    /** Whether the scheduler already has a space (namespace) with this name. */
    boolean exists(String app);

    /** Makes the app's space and service; doing it again is harmless. */
    void create(String app);

    /** Removes the app's space and all it runs; an app that is already gone is fine. */
    void destroy(String app);

    /** Rolls out a release with the given structure (types at 0 keep an empty deployment). */
    void deploy(DeployPlan plan);

    /** Sets the process counts of the plan's types, leaving the release as it is. */
    void scale(DeployPlan plan);

    /** The app's pods of one release ({@code vN}), optionally of one type, newest first. */
    List<Pod> pods(String app, String release, Optional<String> type);

    /**
     * Replaces pods (all, one type, or one by name) and returns the new ones. Nothing matched gives
     * an empty list.
     */
    List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name);

    /** Runs a one-off command in the release's image and waits for it to end. */
    RunResult run(DeployPlan plan, String command);

    /** The last lines the app's processes wrote; empty when there are none or none can be had. */
    List<String> logs(String app, int lines);

    /**
     * Tells the router side where and how an app is reached. The core calls this inside the write
     * that changes the routing (so updates arrive in order and a refusal undoes the change); for a
     * new app it comes before {@link #create}, so an adapter makes what it needs to route if it is
     * not there yet. Keep it quick and bounded in time: writes wait for it.
     */
    void route(Routing routing);

    /** Whether at least one node carries every one of these labels. */
    boolean nodesMatch(Map<String, String> labels);
}
