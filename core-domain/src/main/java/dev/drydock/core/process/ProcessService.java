package dev.drydock.core.process;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.release.Current;
import dev.drydock.core.release.Releaser;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.model.Timestamps;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Processes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What runs: scaling, pods, restarts, one-off commands and logs, always of the latest good release.
 * Scaling stores the new structure first and restores it when the scheduler refuses, all of it
 * under the core's one {@link Releaser}, never in the middle of a deploy or destruction of the app.
 */
public final class ProcessService implements Processes {
    static final String NO_BUILD = Releaser.NO_BUILD;
    static final String NO_BUILD_TO_RUN = "No build associated with this release to run this command";
    static final String NO_COMMAND = "command is a required field";
    /** What every refusal of the counts starts with; the HTTP adapter's refusals of the wire format too. */
    public static final String SCALE_FORMAT = "Invalid scaling format: ";
    /** How many log lines are given when a caller asks for none or fewer. */
    public static final int DEFAULT_LOG_LINES = 100;
    /** The source upstream's controller writes its event lines under. */
    private static final String EVENT_SOURCE = "drycc[api]";
    // Upstream stamps event lines to the second, in UTC: 2016-09-02T16:51:14Z.

    private final Transactions tx;
    private final Scheduler scheduler;
    private final Releaser releaser;
    private final AppLog log;
    private final Clock clock;
    private final int maxPerType;

    /**
     * {@code releaser} is the one the core's other services deploy with; {@code limits} say how many
     * processes of one type a scale may ask for.
     */
    public ProcessService(Transactions tx, Scheduler scheduler, Releaser releaser, AppLog log, Clock clock,
                          Settings.Limits limits) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.releaser = Objects.requireNonNull(releaser, "releaser");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPerType = limits.processesPerType();
    }

    /** The latest good release with its build and config, as a plan for the scheduler. */
    private record Running(App app, Release release, Build build, Config config) {
        DeployPlan plan(Map<String, Integer> structure) {
            return new DeployPlan(app.id(), release, build, config, structure, false);
        }
    }

    private static Running running(Store store, App app, String noBuild) {
        Release release = Current.release(store, app.id())
                .orElseThrow(() -> DrydockException.invalid(noBuild));
        Build build = Current.build(store, release).orElseThrow(() -> DrydockException.invalid(noBuild));
        return new Running(app, release, build, Current.config(store, release));
    }

    private record Scaling(Running running, Map<String, Integer> before, Map<String, Integer> requested) {
    }

    @Override
    public void scale(Caller caller, String appId, Map<String, Integer> counts) {
        UUID uuid = tx.read(store -> Access.use(store, caller, appId)).uuid();
        // The write, the scheduler call and a restore all run while no deploy of the app does: a
        // deploy between them would run the new counts, and a restore after it would leave the
        // store behind the scheduler. Monitor first, then the transaction, as deploys do.
        Optional<Map<String, Integer>> scaled = releaser.exclusively(uuid, () -> {
            Optional<Scaling> scaling = store(caller, appId, uuid, counts);
            scaling.ifPresent(s -> {
                try {
                    scheduler.scale(s.running().plan(s.requested()));
                } catch (RuntimeException e) {
                    restore(appId, s);
                    throw DrydockException.unavailable("(scale): " + e.getMessage(), e);
                }
            });
            return scaling.map(Scaling::requested);
        });
        scaled.ifPresent(requested -> log.record(appId, clock.instant(), caller.username() + " scaled pods "
                + requested.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "))));
    }

    // Stores the new structure, unless it changes nothing; the app must still be the one (uuid) the
    // monitor was taken for, not one destroyed meanwhile or re-created under the same name.
    private Optional<Scaling> store(Caller caller, String appId, UUID uuid, Map<String, Integer> counts) {
        Instant now = Instant.now(clock);
        return tx.write(store -> {
            App app = Access.useLocked(store, caller, appId);
            if (!app.uuid().equals(uuid)) {
                throw DrydockException.notFound(Access.NO_APP);
            }
            Running running = running(store, app, NO_BUILD);
            Map<String, Integer> requested = counts(counts);
            for (String type : requested.keySet()) {
                if (!type.equals("cmd") && !running.build().procfile().containsKey(type)) {
                    throw DrydockException.missing("Container type " + type + " does not exist in application");
                }
            }
            Map<String, Integer> structure = new TreeMap<>(app.structure());
            structure.putAll(requested);
            if (structure.equals(app.structure())) {
                return Optional.<Scaling>empty();
            }
            store.apps().update(app.withStructure(structure, running.build().procfile(), now));
            return Optional.of(new Scaling(running, app.structure(), requested));
        });
    }

    // Puts back the counts of the requested types, leaving any other type as later writers left it.
    private void restore(String appId, Scaling s) {
        Instant now = Instant.now(clock);
        tx.writeVoid(store -> store.apps().lock(appId).ifPresent(app -> {
            Map<String, Integer> structure = new TreeMap<>(app.structure());
            s.requested().keySet().forEach(type -> {
                if (s.before().containsKey(type)) {
                    structure.put(type, s.before().get(type));
                } else {
                    structure.remove(type);
                }
            });
            store.apps().update(app.withStructure(structure, app.procfileStructure(), now));
        }));
    }

    // Never below zero, nor above the limit per type: a million pods would take the cluster (or the
    // simulation) down. The limit is told first, as upstream's serializer does.
    private Map<String, Integer> counts(Map<String, Integer> counts) {
        Map<String, Integer> checked = new TreeMap<>();
        if (counts == null) {
            return checked;
        }
        boolean negative = false;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            Integer value = entry.getValue();
            if (value == null) {
                throw DrydockException.invalid(SCALE_FORMAT + "the count of " + entry.getKey()
                        + " must be a whole number, not None");
            }
            if (value < 0) {
                negative = true;
                continue;
            }
            if (value > maxPerType) {
                throw DrydockException.invalid(SCALE_FORMAT + "['Ensure this value is less than or equal to "
                        + maxPerType + ".']");
            }
            checked.put(entry.getKey(), value);
        }
        if (negative) {
            throw DrydockException.invalid(SCALE_FORMAT + "['Must be greater than or equal to zero']");
        }
        return checked;
    }

    /** The name (vN) of the app's latest good release, once the caller may use the app; null before any. */
    private String currentRelease(Caller caller, String appId) {
        return tx.read(store -> {
            Access.use(store, caller, appId);
            return Current.release(store, appId).map(Release::name);
        }).orElse(null);
    }

    @Override
    public List<Pod> pods(Caller caller, String appId, Optional<String> type, Optional<String> name) {
        String release = currentRelease(caller, appId);
        if (release == null) {
            return List.of();
        }
        return scheduler.pods(appId, release, type).stream()
                .filter(pod -> name.isEmpty() || pod.name().equals(name.get()))
                .toList();
    }

    @Override
    public List<Pod> restart(Caller caller, String appId, Optional<String> type, Optional<String> name) {
        String release = currentRelease(caller, appId);
        if (release == null) {
            return List.of();
        }
        // "web-1269180282-1nyfz" is short for "<app>-web-1269180282-1nyfz"
        Optional<String> podName = name.map(n -> n.chars().filter(c -> c == '-').count() == 2 ? appId + "-" + n : n);
        return scheduler.restart(appId, release, type, podName);
    }

    @Override
    public RunResult run(Caller caller, String appId, String command) {
        Running running = tx.read(store -> {
            App app = Access.use(store, caller, appId);
            // upstream refuses only a missing or empty command; blanks are the user's to run
            if (command == null || command.isEmpty()) {
                throw DrydockException.invalid(NO_COMMAND);
            }
            return running(store, app, NO_BUILD_TO_RUN);
        });
        log.record(appId, clock.instant(), caller.username() + " runs '" + command + "'");
        try {
            return scheduler.run(running.plan(running.app().structure()), command);
        } catch (RuntimeException e) {
            throw DrydockException.unavailable(appId + "-run (run): " + e.getMessage(), e);
        }
    }

    @Override
    public String logs(Caller caller, String appId, int lines) {
        tx.read(store -> Access.use(store, caller, appId));
        int wanted = lines > 0 ? lines : DEFAULT_LOG_LINES;
        List<String> all = new ArrayList<>();
        for (AppLog.Event event : log.tail(appId, wanted)) {
            all.add(Timestamps.format(event.at()) + " " + EVENT_SOURCE + ": " + event.message());
        }
        all.addAll(scheduler.logs(appId, wanted));
        List<String> last = all.subList(Math.max(0, all.size() - wanted), all.size());
        StringBuilder text = new StringBuilder();
        for (String line : last) {
            text.append(line);
            if (!line.endsWith("\n")) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
