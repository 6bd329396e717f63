package dev.drydock.core.tls;

import dev.drydock.core.Access;
import dev.drydock.core.routing.RoutingSync;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.TlsSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an app enforces HTTPS. Each change is a new row owned by whoever made it; the newest
 * counts. Owners, collaborators and admins may read and change it. No release is made. The router
 * is told inside the write ({@link RoutingSync}): if it cannot be told, no row is kept.
 */
public final class TlsService implements TlsSettings {
    public static final String NO_TLS = "No TLS matches the given query.";

    private final Transactions transactions;
    private final Clock clock;
    private final RoutingSync routing;

    public TlsService(Transactions transactions, Scheduler scheduler, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routing = new RoutingSync(scheduler);
    }

    @Override
    public Tls get(Caller caller, String app) {
        return transactions.read(store -> {
            Access.use(store, caller, app);
            return latest(store, app).orElseThrow(() -> DrydockException.notFound(NO_TLS));
        });
    }

    @Override
    public Tls set(Caller caller, String app, boolean httpsEnforced) {
        return transactions.write(store -> {
            Access.caller(store, caller);
            Access.useLocked(store, caller, app);
            Boolean current = latest(store, app).map(Tls::httpsEnforced).orElse(null);
            // unset (null) differs from both values, so the first explicit "false" is a change
            if (current != null && current == httpsEnforced) {
                throw DrydockException.conflict(caller.username() + " changed nothing");
            }
            Instant now = clock.instant();
            Tls tls = new Tls(UUID.randomUUID(), app, caller.username(), httpsEnforced, now, now);
            store.tls().insert(tls);
            routing.push(store, app);
            return tls;
        });
    }

    private static Optional<Tls> latest(Store store, String app) {
        return store.tls().latest(app);
    }
}
