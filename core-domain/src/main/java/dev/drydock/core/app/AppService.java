package dev.drydock.core.app;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.auth.AccountService;
import dev.drydock.core.release.Releaser;
import dev.drydock.core.routing.RoutingSync;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Apps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creating, listing, transferring and destroying apps. A new app gets, in one transaction, its
 * empty first config, release v1, TLS settings and its default domain, and that write sends its
 * routing as every routing change does ({@link RoutingSync}); its scheduler space is made
 * afterwards, and the app is removed again if that fails. Destroying runs under the core's
 * {@link Releaser}, so no deploy or scale of the app re-creates its space meanwhile.
 */
public final class AppService implements Apps {
    static final String CREATE_FAILED = "Kubernetes resources could not be created";
    // Enough for a free name unless nearly all of the few thousand combinations are taken.
    private static final int NAME_ATTEMPTS = 100;

    private final Transactions tx;
    private final Scheduler scheduler;
    private final RoutingSync routing;
    private final Releaser releaser;
    private final AppLog log;
    private final Clock clock;
    private final Set<String> reservedNames;
    private final Supplier<String> names;
    private final Settings.Limits limits;

    /** {@code releaser} is the one the core's other services deploy and scale with. */
    public AppService(Transactions tx, Scheduler scheduler, Releaser releaser, AppLog log, Clock clock,
                      Settings settings) {
        this(tx, scheduler, releaser, log, clock, settings, new AppNames());
    }

    AppService(Transactions tx, Scheduler scheduler, Releaser releaser, AppLog log, Clock clock, Settings settings,
               Supplier<String> names) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.routing = new RoutingSync(scheduler);
        this.releaser = Objects.requireNonNull(releaser, "releaser");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reservedNames = settings.reservedNames().stream()
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.names = Objects.requireNonNull(names, "names");
        this.limits = settings.limits();
    }

    @Override
    public App create(Caller caller, Optional<String> requested) {
        String id;
        if (requested.isPresent()) {
            id = checkedId(requested.get().strip());
            if (scheduler.exists(id)) {
                // An app made since the id was checked has its namespace now: the id is taken, as it
                // would have been had the two requests come one after the other.
                if (tx.read(store -> store.apps().find(id).isPresent())) {
                    throw taken();
                }
                throw DrydockException.conflict(id + " already exists as a namespace in this kuberenetes setup");
            }
        } else {
            id = freeName();
        }

        String owner = caller.username();
        String summary = owner + " created initial release";
        Instant now = Instant.now(clock);
        App created = tx.write(store -> {
            Access.caller(store, caller);
            App app = new App(UUID.randomUUID(), id, owner, Map.of(), Map.of(), now, now);
            try {
                store.apps().insert(app);
            } catch (ConflictException e) {
                throw taken();
            }
            Config config = Config.initial(UUID.randomUUID(), id, owner, now);
            store.configs().insert(config);
            store.releases().insert(new Release(UUID.randomUUID(), id, owner, 1, summary, false, null,
                    config.uuid(), null, now, now));
            store.tls().insert(new Tls(UUID.randomUUID(), id, owner, null, now, now));
            // The app id is its default domain, unless another app already routes that name.
            if (store.domains().find(id).isEmpty()) {
                store.domains().insert(new Domain(id, id, owner, null, now, now));
            }
            // in the write, so a domain added right after the commit is routed after this
            try {
                routing.push(store, id);
            } catch (RuntimeException e) {
                throw DrydockException.unavailable(CREATE_FAILED, e);
            }
            return app;
        });

        try {
            scheduler.create(id);
        } catch (RuntimeException e) {
            // under the deploy lock, like a destroy: a build may already be deploying the new app
            releaser.exclusively(created.uuid(), () -> {
                undoCreate(id);
                releaser.forget(created.uuid());
                return null;
            });
            throw DrydockException.unavailable(CREATE_FAILED, e);
        }
        log.record(id, clock.instant(), summary);
        return created;
    }

    private void undoCreate(String id) {
        try {
            tx.writeVoid(store -> store.apps().delete(id));
        } finally {
            try {
                scheduler.destroy(id);
            } catch (RuntimeException ignored) {
                // The create already failed; a half-made space is the scheduler's to clear and report.
            }
        }
    }

    private String checkedId(String id) {
        List<String> problems = AppIdRules.problems(id, reservedNames);
        if (!id.isEmpty() && tx.read(store -> store.apps().find(id).isPresent())) {
            problems.add(AppIdRules.TAKEN);
        }
        if (!problems.isEmpty()) {
            throw DrydockException.invalidFields(Map.of("id", problems));
        }
        return id;
    }

    private static DrydockException taken() {
        return DrydockException.invalidField("id", AppIdRules.TAKEN);
    }

    private String freeName() {
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            String name = names.get();
            boolean taken = reservedNames.contains(name)
                    || tx.read(store -> store.apps().find(name).isPresent())
                    || scheduler.exists(name);
            if (!taken) {
                return name;
            }
        }
        throw DrydockException.conflict("No free application name could be generated; please choose an id");
    }

    @Override
    public Page<App> list(Caller caller, PageRequest asked) {
        PageRequest page = limits.page(asked);
        return tx.read(store -> {
            Access.Acting acting = Access.acting(store, caller);
            return acting.admin()
                    ? store.apps().list(page)
                    : store.apps().visibleTo(acting.username(), page);
        });
    }

    @Override
    public App get(Caller caller, String id) {
        return tx.read(store -> Access.use(store, caller, id));
    }

    @Override
    public void transfer(Caller caller, String id, Optional<String> newOwner) {
        Optional<String> target = newOwner.map(String::strip).filter(name -> !name.isEmpty());
        Instant now = Instant.now(clock);
        Optional<String> previous = tx.write(store -> {
            Access.Acting acting = Access.acting(store, caller);
            App app = Access.useLocked(store, caller, id);
            if (target.isEmpty()) {
                return Optional.<String>empty();
            }
            if (!acting.admin() && !acting.is(app.owner())) {
                throw DrydockException.forbidden();
            }
            String to = target.get();
            store.users().find(to).orElseThrow(() -> DrydockException.notFound(AccountService.NO_USER));
            if (to.equals(app.owner())) {
                return Optional.<String>empty();
            }
            store.apps().transfer(id, app.owner(), to, now);
            // An owner needs no grant; a left-over one would list them among the collaborators.
            store.permissions().revoke(id, to);
            return Optional.of(app.owner());
        });
        previous.ifPresent(from -> log.record(id, clock.instant(),
                caller.username() + " transferred ownership of " + id + " from " + from + " to " + target.get()));
    }

    @Override
    public void destroy(Caller caller, String id) {
        UUID uuid = tx.read(store -> Access.own(store, caller, id)).uuid();
        releaser.exclusively(uuid, () -> {
            // the app may have been destroyed, and its name taken again, before the lock was ours
            tx.read(store -> sameApp(Access.own(store, caller, id), uuid));
            try {
                scheduler.destroy(id);
            } catch (DrydockException e) {
                throw e;
            } catch (RuntimeException e) {
                throw DrydockException.unavailable("Could not delete Kubernetes Namespace " + id, e);
            }
            // Checked again: the app may have changed hands while its space was being removed.
            tx.writeVoid(store -> {
                sameApp(Access.ownLocked(store, caller, id), uuid);
                store.apps().delete(id);
            });
            releaser.forget(uuid);
            return null;
        });
        log.forget(id);
    }

    private static App sameApp(App app, UUID uuid) {
        if (!app.uuid().equals(uuid)) {
            throw DrydockException.notFound(Access.NO_APP);
        }
        return app;
    }
}
