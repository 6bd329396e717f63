package dev.drydock.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.core.DrydockCore;
import dev.drydock.core.Settings;
import dev.drydock.inmemory.RunHandler;
import dev.drydock.inmemory.SimulatedScheduler;
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
import dev.drydock.server.internal.CoreModule;
import dev.drydock.server.internal.InMemoryModule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drydock embedded in another JVM program: the whole core as plain Java objects, no HTTP.
 *
 * <pre>{@code
 * Drydock drydock = Drydock.inMemory().build();
 * drydock.accounts().register(Optional.empty(), new Registration("admin", "secret", "", "", ""));
 * Caller admin = drydock.accounts().authenticate(drydock.accounts().login("admin", "secret"));
 * drydock.apps().create(admin, Optional.of("web-shop"));
 * }</pre>
 */
public final class Drydock {
    private final Injector injector;
    private final DrydockCore core;
    private final SimulatedScheduler scheduler;

    private Drydock(Injector injector) {
        this.injector = injector;
        this.core = injector.getInstance(DrydockCore.class);
        this.scheduler = injector.getInstance(SimulatedScheduler.class);
    }

    /** A builder for a Drydock whose storage, app log and scheduler live in memory. */
    public static Builder inMemory() {
        return new Builder();
    }

    public Accounts accounts() {
        return core.accounts();
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

    /** The simulated scheduler, to see what a cluster would have been asked to do. */
    public SimulatedScheduler scheduler() {
        return scheduler;
    }

    Injector injector() {
        return injector;
    }

    /** Chooses settings, clock and simulation details before building. */
    public static final class Builder {
        private Settings settings = Settings.defaults();
        private Clock clock = Clock.systemUTC();
        private List<Map<String, String>> nodes;
        private RunHandler runHandler;

        private Builder() {
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

        public Drydock build() {
            return new Drydock(Guice.createInjector(modules()));
        }

        List<com.google.inject.Module> modules() {
            SimulatedScheduler scheduler = nodes == null && runHandler == null
                    ? new SimulatedScheduler(clock)
                    : new SimulatedScheduler(clock, nodes, runHandler);
            return List.of(new InMemoryModule(scheduler), new CoreModule(settings, clock));
        }
    }
}
