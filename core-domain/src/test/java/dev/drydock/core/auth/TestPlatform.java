package dev.drydock.core.auth;

import dev.drydock.core.DrydockCore;
import dev.drydock.core.InterleavedTransactions;
import dev.drydock.core.Settings;
import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.usecase.Registration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** A core on the in-memory adapters, with helpers to make users quickly (cheap password hashes). */
public final class TestPlatform {
    public static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    public static final String PASSWORD = "correct horse";

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The store itself, for a test's own set-up and reads: its writes run no {@link #beforeNextWrite} step. */
    public final InMemoryTransactions tx = new InMemoryTransactions();
    /** What the core is given: {@link #tx}, with {@link #beforeNextWrite}. Give it to services made by hand. */
    public final InterleavedTransactions transactions = new InterleavedTransactions(tx);
    public final SimulatedScheduler simulated = new SimulatedScheduler(clock);
    public final InMemoryAppLog log = new InMemoryAppLog();
    /** The core's deploy lock; a second releaser given it and {@link #transactions} acts as a second server. */
    public final InMemoryDeployLock deployLock = new InMemoryDeployLock();
    public final Settings settings;
    public final DrydockCore core;

    public TestPlatform() {
        this(Settings.defaults());
    }

    public TestPlatform(Settings settings) {
        this(settings, null);
    }

    /** A platform whose scheduler is {@code scheduler} (null: the plain simulation). */
    public TestPlatform(Settings settings, Scheduler scheduler) {
        this.settings = settings.withPasswordIterations(1000);
        this.core = new DrydockCore(transactions, scheduler == null ? simulated : scheduler, deployLock,
                log, clock, this.settings);
    }

    /**
     * Runs {@code competing} once, just before the core's next write begins (not a nested one), on
     * the same thread. It puts another request's change exactly between a service's reads and its
     * write, so races are tested without hoping that threads collide.
     */
    public void beforeNextWrite(Runnable competing) {
        transactions.beforeNextWrite(competing);
    }

    /** Disables a user's account (upstream's {@code is_active = False}); their token stays. */
    public void deactivate(String username) {
        tx.writeVoid(store -> {
            User u = store.users().find(username).orElseThrow();
            store.users().update(new User(u.username(), u.email(), u.firstName(), u.lastName(), u.superuser(),
                    u.staff(), false, u.lastLogin(), u.dateJoined(), u.passwordHash()));
        });
    }

    public Optional<User> storedUser(String username) {
        return tx.read(store -> store.users().find(username));
    }

    public Optional<String> tokenOwner(String digest) {
        return tx.read(store -> store.tokens().owner(digest));
    }

    public Optional<Key> storedKey(String id) {
        return tx.read(store -> store.keys().find(id));
    }

    /** The messages of the app's last {@code lines} events, oldest first. */
    public List<String> logMessages(String app, int lines) {
        return log.tail(app, lines).stream().map(AppLog.Event::message).toList();
    }

    public boolean hasGrant(String app, String username) {
        return tx.read(store -> store.permissions().has(app, username));
    }

    /** Registers a user (the first one becomes admin) and returns them as a caller. */
    public Caller user(String username) {
        core.accounts().register(Optional.empty(),
                new Registration(username, PASSWORD, username + "@example.com", "", ""));
        return core.accounts().authenticate(core.accounts().login(username, PASSWORD));
    }
}
