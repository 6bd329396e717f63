package dev.drydock.core.routing;

import dev.drydock.core.Settings;
import dev.drydock.core.app.AppService;
import dev.drydock.core.certificate.CertificateService;
import dev.drydock.core.domain.DomainService;
import dev.drydock.core.tls.TlsService;
import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Domains;
import dev.drydock.ports.usecase.TlsSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Domains, certificates and TLS on the in-memory adapters, with one user of each role. Apps are
 * made by the real app service, so they have their default domain and TLS row.
 */
public final class RoutingTestPlatform {
    public static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");

    public static final Caller OWNER = new Caller("alice", false);
    public static final Caller COLLABORATOR = new Caller("carol", false);
    public static final Caller ADMIN = new Caller("root", true);
    public static final Caller OUTSIDER = new Caller("olga", false);

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final InMemoryTransactions tx = new InMemoryTransactions();
    public final SimulatedScheduler simulated = new SimulatedScheduler(clock);
    public final FailingRoutes scheduler = new FailingRoutes(simulated);
    public final InMemoryAppLog log = new InMemoryAppLog();
    public final Apps apps = new AppService(tx, scheduler, log, clock, Settings.defaults());
    public final Domains domains = new DomainService(tx, scheduler, log, clock);
    public final Certificates certificates = new CertificateService(tx, scheduler, clock);
    public final TlsSettings tls = new TlsService(tx, scheduler, clock);

    /** Makes an app owned by {@link #OWNER} and shared with {@link #COLLABORATOR}. */
    public String app(String id) {
        apps.create(OWNER, Optional.of(id));
        tx.writeVoid(store -> store.permissions().grant(id, COLLABORATOR.username()));
        return id;
    }

    /** What a cluster was last told about an app's routing. */
    public Routing routing(String app) {
        return simulated.routing(app).orElseThrow(() -> new AssertionError("no routing was sent for " + app));
    }

    /** The names of an app's stored domains, in order. */
    public List<String> storedDomains(String app) {
        return tx.read(store -> store.domains().list(app, PageRequest.ALL).results().stream()
                .map(Domain::domain).toList());
    }

    public Optional<Domain> storedDomain(String domain) {
        return tx.read(store -> store.domains().find(domain));
    }

    /** The app's event lines, oldest first. */
    public List<String> logLines(String app) {
        return log.tail(app, 100);
    }

    /** The simulated scheduler, whose {@link #route} can be made to fail once. */
    public static final class FailingRoutes implements Scheduler {
        private final Scheduler delegate;
        private Supplier<RuntimeException> nextRouteFailure;

        FailingRoutes(Scheduler delegate) {
            this.delegate = delegate;
        }

        /** The next {@link #route} throws this and routes nothing. */
        public synchronized void failNextRoute(Supplier<RuntimeException> failure) {
            nextRouteFailure = failure;
        }

        @Override
        public synchronized void route(Routing routing) {
            if (nextRouteFailure != null) {
                RuntimeException failure = nextRouteFailure.get();
                nextRouteFailure = null;
                throw failure;
            }
            delegate.route(routing);
        }

        @Override
        public SchedulerCapabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public boolean exists(String app) {
            return delegate.exists(app);
        }

        @Override
        public void create(String app) {
            delegate.create(app);
        }

        @Override
        public void destroy(String app) {
            delegate.destroy(app);
        }

        @Override
        public void deploy(DeployPlan plan) {
            delegate.deploy(plan);
        }

        @Override
        public void scale(DeployPlan plan) {
            delegate.scale(plan);
        }

        @Override
        public List<Pod> pods(String app, String release, Optional<String> type) {
            return delegate.pods(app, release, type);
        }

        @Override
        public List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name) {
            return delegate.restart(app, release, type, name);
        }

        @Override
        public RunResult run(DeployPlan plan, String command) {
            return delegate.run(plan, command);
        }

        @Override
        public List<String> logs(String app, int lines) {
            return delegate.logs(app, lines);
        }

        @Override
        public boolean nodesMatch(Map<String, String> labels) {
            return delegate.nodesMatch(labels);
        }
    }
}
