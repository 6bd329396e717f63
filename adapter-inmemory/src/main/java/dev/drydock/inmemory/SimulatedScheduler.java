package dev.drydock.inmemory;

import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A scheduler that runs nothing: it keeps, per app, the plans it was given, the pods Kubernetes
 * would have made for them (all {@code up} at once) and the latest routing. It declares
 * {@code runsWorkloads = false}. Tests can look inside ({@link #hasSpace}, {@link #deployments},
 * {@link #running}, {@link #routing}), make the next call of an {@link Operation} fail ({@link #failNext}) and run
 * something while a call is under way ({@link #beforeNext}), for any app or for one app only.
 * Thread-safe.
 */
public final class SimulatedScheduler implements Scheduler {
    /** The state every simulated pod is in. */
    public static final String UP = "up";

    private static final SchedulerCapabilities CAPABILITIES = new SchedulerCapabilities("simulated", false);
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Comparator<Pod> NEWEST_FIRST =
            Comparator.comparing(Pod::started).reversed().thenComparing(Pod::name);

    /** Answers every command with exit code 1 and says that nothing was run. */
    public static final RunHandler NOT_EXECUTED = (plan, command) -> new RunResult(1,
            "The command \"" + command + "\" was not executed: the scheduler is simulated and runs no workloads.\n");

    private final Clock clock;
    /** Null means no node list was given, so any node labels are taken as present. */
    private final List<Map<String, String>> nodes;
    private final RunHandler runHandler;

    private final Map<String, Space> spaces = new HashMap<>();
    private final Map<String, Routing> routings = new HashMap<>();
    private final Map<Target, RuntimeException> nextFailures = new HashMap<>();
    private final Map<Target, Runnable> nextActions = new HashMap<>();
    private RuntimeException nextCreateFailureAfterSpace;

    /** The calls that {@link #failNext} can make fail. */
    public enum Operation {
        /** {@link Scheduler#exists}. */
        EXISTS,
        /** {@link Scheduler#create}. */
        CREATE,
        /** {@link Scheduler#destroy}. */
        DESTROY,
        /** {@link Scheduler#deploy}. */
        DEPLOY,
        /** {@link Scheduler#scale}. */
        SCALE,
        /** {@link Scheduler#restart}. */
        RESTART,
        /** {@link Scheduler#run}. */
        RUN,
        /** {@link Scheduler#route}. */
        ROUTE
    }

    /** Which calls a pending failure or action waits for: an operation, for one app or (null) any. */
    private record Target(Operation operation, String app) {
        Target {
            Objects.requireNonNull(operation, "operation");
        }
    }

    private static final class Space {
        final List<DeployPlan> history = new ArrayList<>();
        final Map<String, Pod> pods = new TreeMap<>();
        DeployPlan current;
    }

    /** A simulation where every node label set is accepted and one-off commands are not executed. */
    public SimulatedScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodes = null;
        this.runHandler = NOT_EXECUTED;
    }

    /**
     * A simulation with these cluster nodes (each a map of its labels) and this answer to
     * one-off commands. A null node list accepts any labels, as the one-argument constructor
     * does; a null handler is {@link #NOT_EXECUTED}.
     */
    public SimulatedScheduler(Clock clock, List<Map<String, String>> nodes, RunHandler runHandler) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodes = nodes == null ? null : nodes.stream().<Map<String, String>>map(Map::copyOf).toList();
        this.runHandler = runHandler == null ? NOT_EXECUTED : runHandler;
    }

    @Override
    public SchedulerCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public boolean exists(String app) {
        runAction(Operation.EXISTS, app);
        synchronized (this) {
            throwIfFailing(Operation.EXISTS, app);
            return spaces.containsKey(app);
        }
    }

    @Override
    public void create(String app) {
        runAction(Operation.CREATE, app);
        synchronized (this) {
            throwIfFailing(Operation.CREATE, app);
            spaces.computeIfAbsent(app, a -> new Space());
            RuntimeException late = nextCreateFailureAfterSpace;
            if (late != null) {
                nextCreateFailureAfterSpace = null;
                throw late;
            }
        }
    }

    @Override
    public void destroy(String app) {
        runAction(Operation.DESTROY, app);
        synchronized (this) {
            throwIfFailing(Operation.DESTROY, app);
            spaces.remove(app);
            routings.remove(app);
        }
    }

    @Override
    public void deploy(DeployPlan plan) {
        runAction(Operation.DEPLOY, plan.app());
        synchronized (this) {
            throwIfFailing(Operation.DEPLOY, plan.app());
            Space space = spaces.computeIfAbsent(plan.app(), a -> new Space());
            boolean sameRelease = space.current != null
                    && space.current.release().version() == plan.release().version();
            if (!sameRelease) {
                space.pods.clear();
            }
            String release = plan.release().name();
            plan.structure().forEach((type, count) -> resize(space, plan.app(), release, type, count));
            space.current = plan;
            space.history.add(plan);
        }
    }

    @Override
    public void scale(DeployPlan plan) {
        runAction(Operation.SCALE, plan.app());
        synchronized (this) {
            throwIfFailing(Operation.SCALE, plan.app());
            Space space = spaces.computeIfAbsent(plan.app(), a -> new Space());
            if (space.current == null) {
                space.current = plan;
            }
            String release = space.current.release().name();
            plan.structure().forEach((type, count) -> resize(space, plan.app(), release, type, count));
        }
    }

    private void resize(Space space, String app, String release, String type, int count) {
        List<Pod> existing = matching(space, release, Optional.of(type), Optional.empty());
        for (int i = existing.size(); i < count; i++) {
            Pod pod = newPod(space, app, type, release);
            space.pods.put(pod.name(), pod);
        }
        // scaling down drops the newest pods first
        for (int i = 0; i < existing.size() - Math.max(0, count); i++) {
            space.pods.remove(existing.get(i).name());
        }
    }

    @Override
    public synchronized List<Pod> pods(String app, String release, Optional<String> type) {
        Space space = spaces.get(app);
        return space == null ? List.of() : matching(space, release, type, Optional.empty());
    }

    @Override
    public List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name) {
        runAction(Operation.RESTART, app);
        synchronized (this) {
            throwIfFailing(Operation.RESTART, app);
            Space space = spaces.get(app);
            if (space == null) {
                return List.of();
            }
            List<Pod> replaced = new ArrayList<>();
            for (Pod old : matching(space, release, type, name)) {
                space.pods.remove(old.name());
                Pod pod = newPod(space, app, old.type(), old.release());
                space.pods.put(pod.name(), pod);
                replaced.add(pod);
            }
            replaced.sort(NEWEST_FIRST);
            return List.copyOf(replaced);
        }
    }

    private static List<Pod> matching(Space space, String release, Optional<String> type, Optional<String> name) {
        return space.pods.values().stream()
                .filter(p -> p.release().equals(release))
                .filter(p -> type.isEmpty() || p.type().equals(type.get()))
                .filter(p -> name.isEmpty() || p.name().equals(name.get()))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    private Pod newPod(Space space, String app, String type, String release) {
        String prefix = app + "-" + type + "-" + templateHash(app, type, release) + "-";
        String name;
        do {
            name = prefix + suffix();
        } while (space.pods.containsKey(name));
        return new Pod(name, type, release, UP, clock.instant());
    }

    // stable per release and type, like Kubernetes' pod-template-hash; always 10 digits
    private static long templateHash(String app, String type, String release) {
        CRC32 crc = new CRC32();
        crc.update((app + "\n" + type + "\n" + release).getBytes(StandardCharsets.UTF_8));
        return 1_000_000_000L + crc.getValue();
    }

    private static String suffix() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            s.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return s.toString();
    }

    @Override
    public RunResult run(DeployPlan plan, String command) {
        // not synchronized as a whole: a run handler may take its time
        runAction(Operation.RUN, plan.app());
        throwIfFailing(Operation.RUN, plan.app());
        return runHandler.run(plan, command);
    }

    @Override
    public List<String> logs(String app, int lines) {
        return List.of();
    }

    @Override
    public void route(Routing routing) {
        runAction(Operation.ROUTE, routing.app());
        synchronized (this) {
            throwIfFailing(Operation.ROUTE, routing.app());
            routings.put(routing.app(), routing);
        }
    }

    @Override
    public boolean nodesMatch(Map<String, String> labels) {
        if (nodes == null || labels.isEmpty()) {
            return true;
        }
        return nodes.stream().anyMatch(node -> node.entrySet().containsAll(labels.entrySet()));
    }

    /**
     * Whether the app has a space, as {@link #exists} answers, but without running what
     * {@link #beforeNext} or {@link #failNext} made wait for the next {@code exists}: for tests
     * that look inside.
     */
    public synchronized boolean hasSpace(String app) {
        return spaces.containsKey(app);
    }

    /** The latest routing given for an app, if any. */
    public synchronized Optional<Routing> routing(String app) {
        return Optional.ofNullable(routings.get(app));
    }

    /** Every plan deployed for an app since its space was made, oldest first. */
    public synchronized List<DeployPlan> deployments(String app) {
        Space space = spaces.get(app);
        return space == null ? List.of() : List.copyOf(space.history);
    }

    /** How many pods of each type an app has now. */
    public synchronized Map<String, Integer> running(String app) {
        Space space = spaces.get(app);
        Map<String, Integer> counts = new TreeMap<>();
        if (space != null) {
            space.pods.values().forEach(p -> counts.merge(p.type(), 1, Integer::sum));
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Makes the next call of this operation throw this error without changing anything; the call
     * after it works again. A later {@code failNext} for the same operation replaces the earlier one.
     */
    public synchronized void failNext(Operation operation, RuntimeException error) {
        pendFailure(new Target(operation, null), error);
    }

    /**
     * {@link #failNext(Operation, RuntimeException)} for the calls about this app only: calls for
     * other apps go through, and the failure waits for this app's next call. When a call could
     * take both this and a failure for any app, this one is thrown and the other waits for the
     * next call. A later {@code failNext} for the same operation and app replaces the earlier one.
     */
    public synchronized void failNext(Operation operation, String app, RuntimeException error) {
        pendFailure(new Target(operation, Objects.requireNonNull(app, "app")), error);
    }

    private void pendFailure(Target target, RuntimeException error) {
        Objects.requireNonNull(error, "error");
        if (target.operation() == Operation.CREATE) {
            nextCreateFailureAfterSpace = null;
        }
        nextFailures.put(target, error);
    }

    /**
     * Makes the next {@link #create} make the app's space and then throw this error, like a
     * cluster that made the namespace but then failed on the service; the call after it works
     * again. It replaces every pending {@code failNext(Operation.CREATE, ...)}.
     */
    public synchronized void failNextCreateAfterSpace(RuntimeException error) {
        Objects.requireNonNull(error, "error");
        nextFailures.keySet().removeIf(target -> target.operation() == Operation.CREATE);
        nextCreateFailureAfterSpace = error;
    }

    /**
     * Makes the next call of this operation first run this action, once, and then go on as usual
     * (failing, if {@link #failNext} asked for it). The action runs on the caller's thread outside
     * the scheduler's lock, so it may call the scheduler or wait for other threads that do: a test
     * can make something happen while, say, a deploy is under way. A later {@code beforeNext} for
     * the same operation replaces the earlier one.
     */
    public synchronized void beforeNext(Operation operation, Runnable action) {
        nextActions.put(new Target(operation, null), Objects.requireNonNull(action, "action"));
    }

    /**
     * {@link #beforeNext(Operation, Runnable)} for the calls about this app only; calls for other
     * apps do not run it. A call that has an action for its app and one for any app runs both, its
     * app's first. A later {@code beforeNext} for the same operation and app replaces the earlier one.
     */
    public synchronized void beforeNext(Operation operation, String app, Runnable action) {
        nextActions.put(new Target(operation, Objects.requireNonNull(app, "app")),
                Objects.requireNonNull(action, "action"));
    }

    private void runAction(Operation operation, String app) {
        Runnable forApp;
        Runnable forAny;
        synchronized (this) {
            forApp = nextActions.remove(new Target(operation, app));
            forAny = nextActions.remove(new Target(operation, null));
        }
        if (forApp != null) {
            forApp.run();
        }
        if (forAny != null) {
            forAny.run();
        }
    }

    private synchronized void throwIfFailing(Operation operation, String app) {
        RuntimeException error = nextFailures.remove(new Target(operation, app));
        if (error == null) {
            error = nextFailures.remove(new Target(operation, null));
        }
        if (error != null) {
            throw error;
        }
    }
}
