package dev.drydock.core.routing;

import dev.drydock.core.InterleavedTransactions;
import dev.drydock.core.Settings;
import dev.drydock.core.app.AppService;
import dev.drydock.core.certificate.CertificateService;
import dev.drydock.core.domain.DomainService;
import dev.drydock.core.release.Releaser;
import dev.drydock.core.tls.TlsService;
import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.core.Access;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Domains;
import dev.drydock.ports.usecase.TlsSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Domains, certificates and TLS on the in-memory adapters, with one user of each role. Apps are
 * made by the real app service, so they have their default domain and TLS row.
 */
public final class RoutingTestPlatform {
    public static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");

    public static final Caller OWNER = Access.issue(account("alice", false));
    public static final Caller COLLABORATOR = Access.issue(account("carol", false));
    public static final Caller ADMIN = Access.issue(account("root", true));
    public static final Caller OUTSIDER = Access.issue(account("olga", false));

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The store itself, for a test's own set-up and reads: its writes run no {@link #beforeNextWrite} step. */
    public final InMemoryTransactions tx = new InMemoryTransactions();
    private final InterleavedTransactions transactions = new InterleavedTransactions(tx);
    /** The scheduler the services are given; make its calls fail or wait with failNext and beforeNext. */
    public final SimulatedScheduler simulated = new SimulatedScheduler(clock);
    public final InMemoryAppLog log = new InMemoryAppLog();
    public final Apps apps = new AppService(transactions, simulated,
            new Releaser(transactions, simulated, new InMemoryDeployLock(), log, clock), log, clock, Settings.defaults());
    public final Domains domains = new DomainService(transactions, simulated, log, clock,
            Settings.Limits.defaults());
    public final Certificates certificates = new CertificateService(transactions, simulated, clock,
            Settings.Limits.defaults());
    public final TlsSettings tls = new TlsService(transactions, simulated, clock);

    public RoutingTestPlatform() {
        // the callers' accounts, for a write that checks its caller still has one
        List.of(OWNER, COLLABORATOR, ADMIN, OUTSIDER).forEach(this::signUp);
    }

    /**
     * Runs {@code competing} once, just before the services' next write begins, on the same
     * thread: another request's change lands between a service's checks and its write.
     */
    public void beforeNextWrite(Runnable competing) {
        transactions.beforeNextWrite(competing);
    }

    /** Removes a user's account as cancelling it does (their keys, tokens and grants go with it). */
    public void removeAccount(Caller caller) {
        tx.writeVoid(store -> store.users().delete(caller.username()));
    }

    /** Disables a user's account (upstream's {@code is_active = False}); their grants stay. */
    public void deactivate(Caller caller) {
        tx.writeVoid(store -> {
            User u = store.users().find(caller.username()).orElseThrow();
            store.users().update(new User(u.username(), u.email(), u.firstName(), u.lastName(), u.superuser(),
                    u.staff(), false, u.lastLogin(), u.dateJoined(), u.passwordHash()));
        });
    }

    /** Gives a user of this name an account again, as a later sign-up would. */
    public void signUp(Caller caller) {
        tx.writeVoid(store -> store.users().insert(account(caller.username(), caller.equals(ADMIN))));
    }

    private static User account(String username, boolean admin) {
        return new User(username, username + "@example.com", "", "", admin, admin, true, null, NOW, "!");
    }

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

    /** The messages of the app's events, oldest first. */
    public List<String> logLines(String app) {
        return log.tail(app, 100).stream().map(AppLog.Event::message).toList();
    }
}
