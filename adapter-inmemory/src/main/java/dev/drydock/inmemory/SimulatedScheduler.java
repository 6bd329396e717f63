package dev.drydock.inmemory;

import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A scheduler that runs nothing: it keeps, per app, the plans it was given, the pods Kubernetes
 * would have made for them (all {@code up} at once) and the latest routing. Pods are kept as counts
 * (so many of a type, started together), and named and listed only when asked for: a scale to a
 * million costs what a scale to one does. It declares {@code runsWorkloads = false}. Tests can
 * look inside ({@link #hasSpace}, {@link #deployments}, {@link #running}, {@link #routing}), make
 * the next call of an {@link Operation} fail ({@link #failNext}) and run something while a call
 * is under way ({@link #beforeNext}), for any app or for one app only.
 * Thread-safe.
 */
public final class SimulatedScheduler implements Scheduler {
    /** The state every simulated pod is in. */
    public static final String UP = "up";

    private static final SchedulerCapabilities CAPABILITIES = new SchedulerCapabilities("simulated", false);
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** How many different five-character suffixes there are. */
    private static final long SUFFIXES = 36L * 36 * 36 * 36 * 36;
    // Pod number n gets suffix (n * SPREAD + seed) mod SUFFIXES: one suffix per number, and
    // neighbours far apart, so names look random. SPREAD shares no factor with 36^5.
    private static final long SPREAD = 16_777_619L;
    private static final long UNSPREAD = BigInteger.valueOf(SPREAD).modInverse(BigInteger.valueOf(SUFFIXES))
            .longValueExact();
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
        /** Per process type, its pods, oldest batch first. */
        final Map<String, List<Batch>> pods = new TreeMap<>();
        /** Mixes this space's pod names; numbers alone would name pods alike in every app. */
        final long seed = ThreadLocalRandom.current().nextLong(SUFFIXES);
        /** The number of the next pod made. */
        long next;
        DeployPlan current;
    }

    /**
     * {@code size} pods of one release, numbered from {@code first} on, started together. Their
     * names come from their numbers, so two pods share a name only if one outlived the 60 million
     * (36^5) pods of its app made after it.
     */
    private record Batch(String release, long first, int size, Instant started) {
        boolean holds(long number) {
            return number >= first && number < first + size;
        }
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
            plan.structure().forEach((type, count) -> resize(space, release, type, count));
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
            plan.structure().forEach((type, count) -> resize(space, release, type, count));
        }
    }

    private void resize(Space space, String release, String type, int count) {
        List<Batch> batches = space.pods.computeIfAbsent(type, t -> new ArrayList<>());
        batches.removeIf(batch -> !batch.release().equals(release));
        long existing = batches.stream().mapToLong(Batch::size).sum();
        if (count > existing) {
            batches.add(batch(space, release, (int) (count - existing)));
        }
        // scaling down drops the newest pods first
        long surplus = existing - Math.max(0, count);
        while (surplus > 0) {
            Batch newest = batches.remove(batches.size() - 1);
            if (newest.size() > surplus) {
                batches.add(new Batch(release, newest.first(), (int) (newest.size() - surplus), newest.started()));
            }
            surplus -= newest.size();
        }
        if (batches.isEmpty()) {
            space.pods.remove(type);
        }
    }

    private Batch batch(Space space, String release, int size) {
        Batch batch = new Batch(release, space.next, size, clock.instant());
        space.next += size;
        return batch;
    }

    @Override
    public synchronized List<Pod> pods(String app, String release, Optional<String> type) {
        Space space = spaces.get(app);
        if (space == null) {
            return List.of();
        }
        List<Pod> pods = new ArrayList<>();
        space.pods.forEach((podType, batches) -> {
            if (type.isEmpty() || type.get().equals(podType)) {
                batches.stream().filter(batch -> batch.release().equals(release))
                        .forEach(batch -> addPods(pods, space, app, podType, batch));
            }
        });
        pods.sort(NEWEST_FIRST);
        return List.copyOf(pods);
    }

    private static void addPods(List<Pod> pods, Space space, String app, String type, Batch batch) {
        String prefix = prefix(app, type, batch.release());
        for (long number = batch.first(); number < batch.first() + batch.size(); number++) {
            pods.add(pod(space, prefix, type, batch, number));
        }
    }

    private static Pod pod(Space space, String prefix, String type, Batch batch, long number) {
        return new Pod(prefix + suffix(space, number), type, batch.release(), UP, batch.started());
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
            if (name.isPresent()) {
                return restartOne(space, app, release, type, name.get()).map(List::of).orElse(List.of());
            }
            List<Pod> replaced = new ArrayList<>();
            space.pods.forEach((podType, batches) -> {
                if (type.isPresent() && !type.get().equals(podType)) {
                    return;
                }
                long count = batches.stream().filter(b -> b.release().equals(release)).mapToLong(Batch::size).sum();
                if (count > 0) {
                    batches.removeIf(b -> b.release().equals(release));
                    Batch fresh = batch(space, release, (int) count);
                    batches.add(fresh);
                    addPods(replaced, space, app, podType, fresh);
                }
            });
            replaced.sort(NEWEST_FIRST);
            return List.copyOf(replaced);
        }
    }

    // The pod's number is read back from its name's suffix, so no other pod is named to find it.
    private Optional<Pod> restartOne(Space space, String app, String release, Optional<String> type, String name) {
        for (Map.Entry<String, List<Batch>> entry : space.pods.entrySet()) {
            String podType = entry.getKey();
            String prefix = prefix(app, podType, release);
            if (type.isPresent() && !type.get().equals(podType)
                    || name.length() != prefix.length() + 5 || !name.startsWith(prefix)) {
                continue;
            }
            OptionalLong residue = number(space, name.substring(prefix.length()));
            List<Batch> batches = entry.getValue();
            for (int i = 0; residue.isPresent() && i < batches.size(); i++) {
                Batch batch = batches.get(i);
                long number = batch.first() + Math.floorMod(residue.getAsLong() - batch.first(), SUFFIXES);
                if (!batch.release().equals(release) || !batch.holds(number)) {
                    continue;
                }
                batches.remove(i);
                if (number + 1 < batch.first() + batch.size()) {
                    batches.add(i, new Batch(release, number + 1,
                            (int) (batch.first() + batch.size() - number - 1), batch.started()));
                }
                if (number > batch.first()) {
                    batches.add(i, new Batch(release, batch.first(), (int) (number - batch.first()), batch.started()));
                }
                Batch fresh = batch(space, release, 1);
                batches.add(fresh);
                return Optional.of(pod(space, prefix, podType, fresh, fresh.first()));
            }
        }
        return Optional.empty();
    }

    private static String prefix(String app, String type, String release) {
        return app + "-" + type + "-" + templateHash(app, type, release) + "-";
    }

    // stable per release and type, like Kubernetes' pod-template-hash; always 10 digits
    private static long templateHash(String app, String type, String release) {
        CRC32 crc = new CRC32();
        crc.update((app + "\n" + type + "\n" + release).getBytes(StandardCharsets.UTF_8));
        return 1_000_000_000L + crc.getValue();
    }

    private static String suffix(Space space, long number) {
        long code = Math.floorMod(Math.floorMod(number, SUFFIXES) * SPREAD + space.seed, SUFFIXES);
        char[] s = new char[5];
        for (int i = 4; i >= 0; i--) {
            s[i] = SUFFIX_CHARS.charAt((int) (code % 36));
            code /= 36;
        }
        return new String(s);
    }

    /** The pod number a suffix names, modulo the number of suffixes; empty if it names none. */
    private static OptionalLong number(Space space, String suffix) {
        long code = 0;
        for (int i = 0; i < suffix.length(); i++) {
            int digit = SUFFIX_CHARS.indexOf(suffix.charAt(i));
            if (digit < 0) {
                return OptionalLong.empty();
            }
            code = code * 36 + digit;
        }
        return OptionalLong.of(Math.floorMod(Math.floorMod(code - space.seed, SUFFIXES) * UNSPREAD, SUFFIXES));
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
            space.pods.forEach((type, batches) -> counts.put(type, batches.stream().mapToInt(Batch::size).sum()));
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
