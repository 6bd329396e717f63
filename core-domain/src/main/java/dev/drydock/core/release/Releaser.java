package dev.drydock.core.release;

import dev.drydock.core.Access;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
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
import java.util.function.Supplier;

/**
 * Makes releases and deploys them, in two steps. {@link #stage} runs inside the caller's write: it
 * numbers the release (highest version + 1, so concurrent writers get consecutive numbers), stores
 * it, logs its summary and, when it has a build, stores the app's new structure. {@link #publish}
 * runs after that write committed: it asks the scheduler to deploy; when that fails, a second write
 * marks the release failed, puts back the structure the release set (unless someone changed it
 * since) and the caller gets the error.
 *
 * <p>Releases of one app are numbered inside the write, but their deploys run after it, so two
 * requests could reach the scheduler out of order and leave an older release running. Deploys of
 * one app therefore take turns under the app's {@link DeployLock}, on every server sharing the
 * store, and a deploy whose release is older than one already deployed (the lock's record) is
 * skipped: the newer release has replaced it. A deploy runs
 * the app's structure as it is when the deploy starts, so a scale committed after the release's
 * write is kept; scaling goes through {@link #exclusively} so that it does not reach the
 * scheduler in the middle of a deploy. Destroying an app goes through it too, so that no deploy or
 * scale re-creates what the destroy removed; whatever waited for it then finds the app gone.
 */
public final class Releaser {
    /** Upstream's prefix for every error of a deploy. */
    public static final String DEPLOY_ERROR = "(app::deploy): ";
    /** Upstream's error for deploying, or scaling, a release that has no build. */
    public static final String NO_BUILD = "No build associated with this release";

    private final Transactions tx;
    private final Scheduler scheduler;
    private final DeployLock deployLock;
    private final AppLog log;
    private final Clock clock;

    public Releaser(Transactions tx, Scheduler scheduler, DeployLock deployLock, AppLog log, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.deployLock = Objects.requireNonNull(deployLock, "deployLock");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A stored release and, when it has a build, what to deploy; {@link #publish} takes it on. */
    public static final class Staged {
        private final Release release;
        private final UUID appUuid;
        private final Optional<DeployPlan> plan;
        private final String failedSummary;
        private final Optional<StructureChange> change;
        private final boolean deployRequired;

        private Staged(Release release, UUID appUuid, Optional<DeployPlan> plan, String failedSummary,
                       Optional<StructureChange> change, boolean deployRequired) {
            this.release = release;
            this.appUuid = appUuid;
            this.plan = plan;
            this.failedSummary = failedSummary;
            this.change = change;
            this.deployRequired = deployRequired;
        }

        /** The stored release. */
        public Release release() {
            return release;
        }

        /**
         * This release, to be deployed even if it has no build; publishing one without a build then
         * fails with {@link #NO_BUILD}, as upstream's deploy does.
         */
        public Staged deployRequired() {
            return new Staged(release, appUuid, plan, failedSummary, change, true);
        }
    }

    /** The structure and Procfile an app had before a release's write, and those the write stored. */
    private record StructureChange(Map<String, Integer> before, Map<String, String> procfileBefore,
                                   Map<String, Integer> after, Map<String, String> procfileAfter) {
    }

    /**
     * Stores the next release of an app, inside the caller's write, which must hold the app's lock
     * ({@code AppRepository.lock}) since before it read what the release is made of.
     *
     * @param app     the app as it is, or with the structure the caller wants before the deploy rules apply;
     *                the caller has not written it yet in this write, so a failed deploy can put the
     *                stored one back
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
        // in the release's write: a store whose log is in the same database keeps the line only if
        // the release is kept, and commits both at once
        log.record(app.id(), now, summary);
        if (build == null) {
            return new Staged(release, app.uuid(), Optional.empty(), failedSummary, Optional.empty(), false);
        }
        App stored = store.apps().find(app.id()).orElse(app);
        Map<String, Integer> structure = Structures.next(app.structure(), baseBuild, build);
        App staged = app.withStructure(structure, build.procfile(), now);
        store.apps().update(staged);
        StructureChange change = new StructureChange(stored.structure(), stored.procfileStructure(),
                staged.structure(), staged.procfileStructure());
        return new Staged(release, app.uuid(), Optional.of(new DeployPlan(app.id(), release, build, config, structure, force)),
                failedSummary, Optional.of(change), false);
    }

    /**
     * Deploys the release, after the write that staged it committed, with
     * the app's structure as it is when the deploy starts. A failed deploy marks the release failed,
     * puts back the structure and Procfile its write replaced (if they are still the ones it
     * stored) and throws: {@code ConflictException} when a rollout is already in progress,
     * {@code InvalidException} with {@link #NO_BUILD} for a required deploy without a build,
     * {@code UnavailableException} with "(app::deploy): &lt;error&gt;" when the scheduler cannot be
     * reached, otherwise {@code InvalidException} with "(app::deploy): &lt;error&gt;". An app destroyed since
     * is {@code NotFoundException}.
     */
    public Release publish(Staged staged) {
        Release release = staged.release;
        if (staged.plan.isEmpty()) {
            if (staged.deployRequired) {
                throw failed(staged, NO_BUILD, DrydockException::invalid);
            }
            return release;
        }
        DeployPlan stagedPlan = staged.plan.get();
        return deployLock.holding(staged.appUuid, deploys -> {
            if (deploys.newest() > release.version()) {
                return release;
            }
            App app = tx.read(store -> store.apps().find(release.app()))
                    .filter(stored -> stored.uuid().equals(staged.appUuid))
                    .orElseThrow(() -> DrydockException.notFound(Access.NO_APP));
            try {
                scheduler.deploy(new DeployPlan(stagedPlan.app(), release, stagedPlan.build(), stagedPlan.config(),
                        app.structure(), stagedPlan.force()));
            } catch (RuntimeException e) {
                boolean conflict = e instanceof ConflictException;
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                String detail = conflict || message.startsWith(DEPLOY_ERROR) ? message : DEPLOY_ERROR + message;
                // a cluster that cannot be reached is the platform's trouble, not the release's: 503, try again
                throw failed(staged, detail, conflict ? DrydockException::conflict
                        : e instanceof UnavailableException ? text -> DrydockException.unavailable(text, e)
                        : DrydockException::invalid);
            }
            deploys.deployed(release.version());
            return release;
        });
    }

    /**
     * Runs a scheduler action for an app while none of its deploys, scales or its destruction
     * runs, on any server, so that they reach the scheduler one at a time, and returns what the
     * action returns. The action should check, in its own reads, that the app (this uuid) still
     * exists. Call it outside any transaction: a deploy holds this lock while it reads and writes.
     *
     * @param appUuid the app's uuid
     */
    public <T> T exclusively(UUID appUuid, Supplier<T> action) {
        return deployLock.holding(appUuid, deploys -> action.get());
    }

    /**
     * Forgets the deploys of a removed app; call it inside {@link #exclusively} for that app, once
     * its rows are deleted.
     */
    public void forget(UUID appUuid) {
        deployLock.forget(appUuid);
    }

    private DrydockException failed(Staged staged, String detail,
                                    java.util.function.Function<String, DrydockException> answer) {
        Release release = staged.release;
        Instant now = Instant.now(clock);
        // (app, version) alone could be another release: that of an app re-created under the same name
        boolean stillStored = tx.write(store -> {
            Optional<App> locked = store.apps().lock(release.app()).filter(app -> app.uuid().equals(staged.appUuid));
            Optional<Release> same = locked.flatMap(app -> store.releases().find(release.app(), release.version()))
                    .filter(stored -> stored.uuid().equals(release.uuid()));
            if (same.isEmpty()) {
                return false;
            }
            store.releases().update(same.get().asFailed(staged.failedSummary, "error: " + detail, now));
            staged.change.ifPresent(change -> locked
                    // someone who changed it since has the last word
                    .filter(app -> app.structure().equals(change.after())
                            && app.procfileStructure().equals(change.procfileAfter()))
                    .filter(app -> !app.structure().equals(change.before())
                            || !app.procfileStructure().equals(change.procfileBefore()))
                    .ifPresent(app -> store.apps().update(
                            app.withStructure(change.before(), change.procfileBefore(), now))));
            return true;
        });
        if (stillStored) {
            log.record(release.app(), clock.instant(), staged.failedSummary + ": " + detail);
        }
        return answer.apply(detail);
    }
}
