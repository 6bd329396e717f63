package dev.drydock.core.release;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes releases and deploys them, in two steps. {@link #stage} runs inside the caller's write: it
 * numbers the release (highest version + 1, so concurrent writers get consecutive numbers), stores
 * it and, when it has a build, the app's new structure. {@link #publish} runs after that write
 * committed: it logs the summary and asks the scheduler to deploy; when that fails, a second write
 * marks the release failed and the caller gets the error.
 *
 * <p>Releases of one app are numbered inside the write, but their deploys run after it, so two
 * requests could reach the scheduler out of order and leave an older release running. Deploys of
 * one app therefore go one at a time, and a deploy whose release is older than one already
 * deployed is skipped: the newer release has replaced it. Share one Releaser per core.
 */
public final class Releaser {
    /** Upstream's prefix for every error of a deploy. */
    public static final String DEPLOY_ERROR = "(app::deploy): ";

    private final Transactions tx;
    private final Scheduler scheduler;
    private final AppLog log;
    private final Clock clock;
    // per app (by uuid, so a re-created app starts afresh): the newest release version deployed
    private final ConcurrentHashMap<UUID, Deploys> deployed = new ConcurrentHashMap<>();

    public Releaser(Transactions tx, Scheduler scheduler, AppLog log, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A stored release and, when it has a build, what to deploy.
     *
     * @param failedSummary the summary the release gets if its deploy fails
     */
    public record Staged(Release release, UUID appUuid, Optional<DeployPlan> plan, String failedSummary) {
    }

    /**
     * Stores the next release of an app, inside the caller's write.
     *
     * @param app     the app as it is, or with the structure the caller wants before the deploy rules apply
     * @param user    who makes the release
     * @param build   the build to run, null before the first build
     * @param config  the config to run, already stored
     * @param base    the release this one follows (the latest good one), null if there is none;
     *                summaries are computed against it
     * @param summary the summary, or null to compute it; a computed empty summary means nothing
     *                changed, which is a {@code ConflictException} and undoes the caller's write
     * @param force   deploy even while a rollout is in progress (rollback)
     * @param failedSummary the summary the release gets if its deploy fails
     */
    public Staged stage(Store store, App app, String user, Build build, Config config, Release base,
                        String summary, boolean force, String failedSummary) {
        Build baseBuild = base == null ? null : Current.build(store, base).orElse(null);
        if (summary == null) {
            Config baseConfig = base == null ? null : store.configs().find(base.config()).orElse(null);
            summary = ReleaseSummary.between(baseBuild, baseConfig, build, config);
            if (summary.isEmpty()) {
                throw DrydockException.conflict(user + " changed nothing - release stopped");
            }
        }
        Instant now = Instant.now(clock);
        int version = store.releases().maxVersion(app.id()) + 1;
        Release release = new Release(UUID.randomUUID(), app.id(), user, version, summary, false, null,
                config.uuid(), build == null ? null : build.uuid(), now, now);
        store.releases().insert(release);
        if (build == null) {
            return new Staged(release, app.uuid(), Optional.empty(), failedSummary);
        }
        Map<String, Integer> structure = Structures.next(app.structure(), baseBuild, build);
        store.apps().update(app.withStructure(structure, build.procfile(), now));
        return new Staged(release, app.uuid(), Optional.of(new DeployPlan(app.id(), release, build, config, structure, force)),
                failedSummary);
    }

    /**
     * Logs the release's summary and deploys it, after the write that staged it committed. A failed
     * deploy marks the release failed and throws: {@code ConflictException} when a rollout is already
     * in progress, otherwise {@code InvalidException} with "(app::deploy): &lt;error&gt;".
     */
    public Release publish(Staged staged) {
        Release release = staged.release();
        log.record(release.app(), clock.instant(), release.summary());
        if (staged.plan().isEmpty()) {
            return release;
        }
        Deploys deploys = deployed.computeIfAbsent(staged.appUuid(), app -> new Deploys());
        synchronized (deploys) {
            if (deploys.newest > release.version()) {
                return release;
            }
            try {
                scheduler.deploy(staged.plan().get());
            } catch (RuntimeException e) {
                throw failed(staged, e);
            }
            deploys.newest = release.version();
        }
        return release;
    }

    private DrydockException failed(Staged staged, RuntimeException cause) {
        Release release = staged.release();
        boolean conflict = cause instanceof ConflictException;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String detail = conflict || message.startsWith(DEPLOY_ERROR) ? message : DEPLOY_ERROR + message;
        Instant now = Instant.now(clock);
        tx.writeVoid(store -> store.releases().find(release.app(), release.version()).ifPresent(stored ->
                store.releases().update(stored.asFailed(staged.failedSummary(), "error: " + detail, now))));
        log.record(release.app(), clock.instant(), staged.failedSummary() + ": " + detail);
        return conflict ? DrydockException.conflict(detail) : DrydockException.invalid(detail);
    }

    /** The deploys of one app; its monitor lets one deploy of the app run at a time. */
    private static final class Deploys {
        private int newest;
    }
}
