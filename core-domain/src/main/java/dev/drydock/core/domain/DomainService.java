package dev.drydock.core.domain;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.routing.RoutingSync;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Domains;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The hostnames routed to an app. Owners, collaborators and admins may add and list; only the owner
 * or an admin may remove. A name belongs to at most one app on the whole platform, whatever its
 * case: hostnames are case-insensitive, so {@code EXAMPLE.com} is taken once {@code example.com}
 * is (upstream compared case-sensitively and let both in). A name is kept as typed. Each change
 * tells the router inside its write, so a routing failure stores nothing and can be retried.
 */
public final class DomainService implements Domains {
    public static final String NO_DOMAIN = "No Domain matches the given query.";

    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";
    static final String IN_USE = "Domain is already in use by another application";

    private final Transactions transactions;
    private final AppLog appLog;
    private final Clock clock;
    private final RoutingSync routing;
    private final Settings.Limits limits;

    /** {@code limits} say how many domains a page holds at most. */
    public DomainService(Transactions transactions, Scheduler scheduler, AppLog appLog, Clock clock,
                         Settings.Limits limits) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.appLog = Objects.requireNonNull(appLog, "appLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routing = new RoutingSync(scheduler);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Domain add(Caller caller, String app, String domain) {
        Domain added = transactions.write(store -> {
            Access.caller(store, caller);
            App target = Access.useLocked(store, caller, app);
            DomainName name = validate(store, domain);
            Instant now = clock.instant();
            Domain created = new Domain(name.value(), target.id(), caller.username(), null, now, now);
            try {
                store.domains().insert(created);
            } catch (ConflictException takenMeanwhile) {
                throw DrydockException.invalidField(DomainName.FIELD, inUse(name.value()));
            }
            routing.push(store, target.id());
            return created;
        });
        appLog.record(added.app(), clock.instant(), "domain " + added.domain() + " added");
        return added;
    }

    @Override
    public Page<Domain> list(Caller caller, String app, PageRequest page) {
        return transactions.read(store -> {
            Access.use(store, caller, app);
            return store.domains().list(app, limits.page(page));
        });
    }

    @Override
    public void remove(Caller caller, String app, String domain) {
        Domain removed = transactions.write(store -> {
            App target = Access.ownLocked(store, caller, app);
            Domain found = domain == null ? null : store.domains().find(DomainName.lookupForm(domain))
                    .filter(d -> d.app().equals(target.id()))
                    .orElse(null);
            if (found == null) {
                throw DrydockException.notFound(NO_DOMAIN);
            }
            if (found.certificate() != null) {
                store.domains().update(found.withCertificate(null, clock.instant()));
            }
            store.domains().delete(found.domain());
            routing.push(store, target.id());
            return found;
        });
        appLog.record(removed.app(), clock.instant(), "domain " + removed.domain() + " removed");
    }

    /**
     * Upstream's order: the name as typed taken (here in any case), then the hostname rules, then
     * the ASCII form taken (so the Unicode twin of a stored name is refused too).
     */
    private static DomainName validate(Store store, String input) {
        if (input == null) {
            throw DrydockException.invalidField(DomainName.FIELD, REQUIRED);
        }
        String trimmed = input.strip();
        if (trimmed.isEmpty()) {
            throw DrydockException.invalidField(DomainName.FIELD, BLANK);
        }
        if (store.domains().find(trimmed).isPresent()) {
            throw DrydockException.invalidField(DomainName.FIELD, IN_USE);
        }
        DomainName name = DomainName.of(trimmed);
        if (store.domains().find(name.value()).isPresent()) {
            throw DrydockException.invalidField(DomainName.FIELD, inUse(name.value()));
        }
        return name;
    }

    private static String inUse(String ascii) {
        return "The domain " + ascii + " is already in use by another app";
    }
}
