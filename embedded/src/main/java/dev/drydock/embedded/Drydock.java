package dev.drydock.embedded;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.core.DrydockCore;
import dev.drydock.core.Settings;
import dev.drydock.inmemory.RunHandler;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.BuilderHooks;
import dev.drydock.ports.usecase.Builds;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Collaborators;
import dev.drydock.ports.usecase.Configs;
import dev.drydock.ports.usecase.Domains;
import dev.drydock.ports.usecase.Keys;
import dev.drydock.ports.usecase.Processes;
import dev.drydock.ports.usecase.Releases;
import dev.drydock.ports.usecase.TlsSettings;
import dev.drydock.ports.usecase.Users;
import dev.drydock.jdbc.JdbcStorage;
import dev.drydock.embedded.internal.CoreModule;
import dev.drydock.embedded.internal.InMemoryStorageModule;
import dev.drydock.embedded.internal.JdbcStorageModule;
import dev.drydock.embedded.internal.SchedulerModule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Drydock embedded in another JVM program: the whole core as plain Java objects, no HTTP.
 *
 * <pre>{@code
 * try (Drydock drydock = Drydock.h2(Path.of("data")).build()) {   // or Drydock.inMemory()
 *     drydock.accounts().register(Optional.empty(), new Registration("admin", "secret", "", "", ""));
 *     Caller admin = drydock.accounts().authenticate(drydock.accounts().login("admin", "secret"));
 *     drydock.apps().create(admin, Optional.of("web-shop"));
 *     Caller ada = drydock.accounts().actAs("ada");  // the embedder's explicit choice: no password asked
 * }
 * }</pre>
 *
 * Close it to let its database go; one in memory needs no closing.
 */
public final class Drydock implements AutoCloseable {
    private final DrydockCore core;
    private final Scheduler scheduler;
    private final Transactions transactions;
    private final Storage storage;

    private Drydock(Injector injector, Storage storage) {
        this.core = injector.getInstance(DrydockCore.class);
        this.scheduler = injector.getInstance(Scheduler.class);
        this.transactions = injector.getInstance(Transactions.class);
        this.storage = storage;
    }

    /** A Drydock whose storage, app log and scheduler live in memory: all is lost when it goes. */
    public static Builder inMemory() {
        return new Builder(() -> new Storage(new InMemoryStorageModule(), null,
                "in memory; everything is lost when the server stops"));
    }

    /**
     * A Drydock that keeps its data in an H2 database in {@code directory} (made if missing), which
     * this process then owns until {@link #close}.
     */
    public static Builder h2(Path directory) {
        return h2(directory, JdbcStorage.Options.DEFAULT);
    }

    /** {@link #h2(Path)} with pool options. */
    public static Builder h2(Path directory, JdbcStorage.Options options) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        return new Builder(() -> Storage.of(JdbcStorage.h2(directory, options)));
    }

    /**
     * A Drydock on the database at a JDBC URL: PostgreSQL ({@code jdbc:postgresql://...}), which
     * several Drydocks may share, or H2.
     */
    public static Builder database(String url, String user, String password) {
        return database(url, user, password, JdbcStorage.Options.DEFAULT);
    }

    /** {@link #database(String, String, String)} with pool options. */
    public static Builder database(String url, String user, String password, JdbcStorage.Options options) {
        Objects.requireNonNull(url, "url");
        return new Builder(() -> Storage.of(JdbcStorage.open(url, user, password, options)));
    }

    /** A Drydock on the database behind an embedder's {@code DataSource} (PostgreSQL or H2). */
    public static Builder jdbc(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Builder(() -> Storage.of(JdbcStorage.of(dataSource, JdbcStorage.Options.DEFAULT)));
    }

    /** Where this Drydock keeps its data, in words for a log (never a password). */
    public String storage() {
        return storage.description();
    }

    /**
     * Whether the store answers a query now: a server's readiness check (a database may be down
     * while this Drydock is up).
     */
    public boolean ready() {
        try {
            transactions.read(store -> store.users().anySuperuser());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * How many user accounts and apps the store holds, in one read and with no caller: for a
     * server's gauges. Throws as any read does when the store cannot be reached.
     */
    public Totals totals() {
        return transactions.read(store -> new Totals(store.users().list(ONE).count(),
                store.apps().list(ONE).count()));
    }

    /** How many user accounts and apps there are. */
    public record Totals(long users, long apps) {
    }

    // the count comes with any page; the smallest costs least
    private static final PageRequest ONE = new PageRequest(1, 0);

    /** Lets the database go (its pools, and for H2 its file). */
    @Override
    public void close() {
        if (storage.jdbc() != null) {
            storage.jdbc().close();
        }
    }

    /** An opened store: the Guice module that binds it, and what to close. */
    private record Storage(com.google.inject.Module module, JdbcStorage jdbc, String description) {
        static Storage of(JdbcStorage jdbc) {
            return new Storage(new JdbcStorageModule(jdbc), jdbc, jdbc.description());
        }
    }

    public Accounts accounts() {
        return core.accounts();
    }

    /**
     * Acts as this existing, active user without a password or token: the embedder's explicit
     * choice (see {@link Accounts#actAs}). The caller has the user's rights as they are at each use.
     *
     * @throws dev.drydock.ports.error.NotFoundException if no user has that name
     * @throws dev.drydock.ports.error.UnauthorizedException if the user's account is disabled
     */
    public Caller as(String username) {
        return core.accounts().actAs(username);
    }

    public Users users() {
        return core.users();
    }

    public Apps apps() {
        return core.apps();
    }

    public Keys keys() {
        return core.keys();
    }

    public Collaborators collaborators() {
        return core.collaborators();
    }

    public Configs configs() {
        return core.configs();
    }

    public Builds builds() {
        return core.builds();
    }

    public Releases releases() {
        return core.releases();
    }

    public Processes processes() {
        return core.processes();
    }

    public Domains domains() {
        return core.domains();
    }

    public Certificates certificates() {
        return core.certificates();
    }

    public TlsSettings tls() {
        return core.tls();
    }

    public BuilderHooks hooks() {
        return core.hooks();
    }

    /**
     * The simulated scheduler, to see what a cluster would have been asked to do.
     *
     * @throws IllegalStateException when this Drydock runs apps on another scheduler (a cluster)
     */
    public SimulatedScheduler scheduler() {
        if (scheduler instanceof SimulatedScheduler simulated) {
            return simulated;
        }
        throw new IllegalStateException("this Drydock runs apps on the " + scheduler.capabilities().name()
                + " scheduler, not a simulated one");
    }

    /** What the scheduler that runs this Drydock's apps does, in words for a log. */
    public SchedulerCapabilities schedulerCapabilities() {
        return scheduler.capabilities();
    }

    /** Chooses settings, clock and simulation details before building. */
    public static final class Builder {
        private final Supplier<Storage> storage;
        private Settings settings = Settings.defaults();
        private Clock clock = Clock.systemUTC();
        private List<Map<String, String>> nodes;
        private RunHandler runHandler;
        private Scheduler other;

        private Builder(Supplier<Storage> storage) {
            this.storage = storage;
        }

        public Builder settings(Settings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The simulated cluster's nodes, each a map of labels; config tags must match one. Without
         * this, any valid tag is accepted.
         */
        public Builder nodes(List<Map<String, String>> value) {
            this.nodes = List.copyOf(value);
            return this;
        }

        /** Answers one-off commands ({@code run}); the default says the command was not executed. */
        public Builder runHandler(RunHandler value) {
            this.runHandler = Objects.requireNonNull(value, "runHandler");
            return this;
        }

        /**
         * Runs apps on this scheduler instead of a simulation of their own, e.g. a
         * {@code dev.drydock.k8s.KubernetesScheduler} on a cluster (artifact {@code adapter-k8s}), or one
         * {@link SimulatedScheduler} shared by several Drydocks, as servers sharing a database share a
         * cluster. {@link #nodes} and {@link #runHandler} then do not apply.
         */
        public Builder scheduler(Scheduler value) {
            this.other = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * Opens the store (migrating a database's schema) and wires the core on it. A database
         * that cannot be opened throws with a message that says why.
         */
        public Drydock build() {
            Storage opened = storage.get();
            try {
                Scheduler scheduler = other != null ? other
                        : nodes == null && runHandler == null ? new SimulatedScheduler(clock)
                        : new SimulatedScheduler(clock, nodes, runHandler);
                return new Drydock(Guice.createInjector(opened.module(), new SchedulerModule(scheduler),
                        new CoreModule(settings, clock)), opened);
            } catch (RuntimeException e) {
                if (opened.jdbc() != null) {
                    opened.jdbc().close();
                }
                throw e;
            }
        }
    }
}
