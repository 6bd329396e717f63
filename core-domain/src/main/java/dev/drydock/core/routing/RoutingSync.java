package dev.drydock.core.routing;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ErrorKind;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells the scheduler how an app is reached, from what is stored: its domains, the certificates
 * attached to them and whether HTTPS is enforced. Called after a change has been committed, never
 * inside a write: the scheduler is slow and may fail, and what was stored stays stored.
 */
public final class RoutingSync {
    private final Transactions transactions;
    private final Scheduler scheduler;

    public RoutingSync(Transactions transactions, Scheduler scheduler) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * The routing of an app as stored now: its domains sorted, each attached certificate (sorted by
     * name) with the app's domains it serves, and HTTPS enforcement (unset counts as off).
     */
    public static Routing routing(Store store, String app) {
        List<Domain> domains = store.domains().list(app, PageRequest.ALL).results();
        Map<String, List<String>> domainsByCertificate = new TreeMap<>();
        for (Domain domain : domains) {
            if (domain.certificate() != null) {
                domainsByCertificate.computeIfAbsent(domain.certificate(), name -> new ArrayList<>()).add(domain.domain());
            }
        }
        List<Routing.TlsCertificate> certificates = new ArrayList<>();
        domainsByCertificate.forEach((name, served) -> {
            Certificate certificate = store.certificates().find(name).orElseThrow(() -> new IllegalStateException(
                    "domains of app " + app + " name certificate " + name + ", which is not stored"));
            certificates.add(new Routing.TlsCertificate(name, List.copyOf(new TreeSet<>(served)),
                    certificate.certificatePem(), certificate.keyPem()));
        });
        boolean httpsEnforced = store.tls().latest(app).map(Tls::httpsEnforced).orElse(null) == Boolean.TRUE;
        List<String> names = domains.stream().map(Domain::domain).sorted().toList();
        return new Routing(app, names, certificates, httpsEnforced);
    }

    /**
     * Sends an app's current routing to the scheduler. An app that no longer exists is skipped (its
     * destruction removed its routing). A scheduler failure is reported as unavailable.
     */
    public void push(String app) {
        Optional<Routing> routing = transactions.read(store -> store.apps().find(app).isPresent()
                ? Optional.of(routing(store, app)) : Optional.empty());
        if (routing.isEmpty()) {
            return;
        }
        try {
            scheduler.route(routing.get());
        } catch (DrydockException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                throw e;
            }
            throw DrydockException.unavailable(couldNotRoute(app) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DrydockException.unavailable(couldNotRoute(app), e);
        }
    }

    /** {@link #push} for several apps; every app is tried, and the first failure is reported after. */
    public void pushAll(Collection<String> apps) {
        DrydockException first = null;
        for (String app : new TreeSet<>(apps)) {
            try {
                push(app);
            } catch (DrydockException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static String couldNotRoute(String app) {
        return "Could not update the routing of app " + app;
    }
}
