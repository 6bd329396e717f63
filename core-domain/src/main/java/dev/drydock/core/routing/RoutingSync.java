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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells the scheduler how an app is reached, from what is stored: its domains, the certificates
 * attached to them and whether HTTPS is enforced.
 *
 * <p>Unlike every other scheduler call, this one runs <em>inside</em> the write that changes the
 * domains, certificates or TLS setting, and {@link #push} is called with that write's store. The
 * router's state is a function of those stored rows, so the two must not drift apart:
 * <ul>
 *   <li>A failed push throws, and the write rolls back: nothing is stored, the caller gets 503,
 *       and the same request can simply be sent again. Sending after the commit instead left the
 *       change stored while the router never heard of it, and the retry then failed on the stored
 *       row ("already in use", "already has a certificate", "changed nothing", 404). Upstream
 *       does the same: its Kubernetes call runs in the request's transaction, and a failure there
 *       rolls the row back.</li>
 *   <li>Routing is computed and sent while the store serialises writes, so two changes to one
 *       app reach the scheduler in the order they were stored; a routing read after the commit
 *       could be overtaken by a later change's routing and the older one sent last.</li>
 * </ul>
 * The cost is that the write waits for the router; routing updates are small and rare.
 */
public final class RoutingSync {
    private final Scheduler scheduler;

    public RoutingSync(Scheduler scheduler) {
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
     * The routing of each of these apps as stored now, for {@link #pushAll}: read it in the write
     * before changing anything.
     */
    public static List<Routing> routings(Store store, Collection<String> apps) {
        List<Routing> routings = new ArrayList<>();
        for (String app : new TreeSet<>(apps)) {
            if (store.apps().find(app).isPresent()) {
                routings.add(routing(store, app));
            }
        }
        return routings;
    }

    /**
     * Sends an app's routing as {@code store} holds it now. Call it inside the write that changed
     * it, as that write's last step, and let what it throws end the write. An app that no longer
     * exists is skipped (its destruction removed its routing). A scheduler failure is reported as
     * unavailable.
     */
    public void push(Store store, String app) {
        if (store.apps().find(app).isEmpty()) {
            return;
        }
        send(routing(store, app));
    }

    /**
     * {@link #push} for several apps, in name order; {@code before} is each app's routing read with
     * {@link #routings} before the write changed anything. The first failure stops the sending:
     * the apps already told are sent their {@code before} routing again, since the write is about
     * to roll back, and the failure is thrown. If putting one back fails too, the message names
     * that app, so the user knows its router may be behind until the request is sent again.
     */
    public void pushAll(Store store, List<Routing> before) {
        List<Routing> told = new ArrayList<>();
        for (Routing previous : before.stream().sorted(Comparator.comparing(Routing::app)).toList()) {
            try {
                push(store, previous.app());
            } catch (DrydockException e) {
                List<String> behind = putBack(told);
                if (behind.isEmpty()) {
                    throw e;
                }
                throw DrydockException.unavailable(e.getMessage() + "; the routing of app"
                        + (behind.size() == 1 ? " " : "s ") + String.join(", ", behind)
                        + " could not be put back either", e);
            }
            told.add(previous);
        }
    }

    /** Sends each routing again; returns the apps it failed for. */
    private List<String> putBack(List<Routing> told) {
        List<String> failed = new ArrayList<>();
        for (Routing previous : told) {
            try {
                scheduler.route(previous);
            } catch (RuntimeException e) {
                failed.add(previous.app());
            }
        }
        return failed;
    }

    private void send(Routing routing) {
        try {
            scheduler.route(routing);
        } catch (DrydockException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                throw e;
            }
            throw DrydockException.unavailable(couldNotRoute(routing.app()) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DrydockException.unavailable(couldNotRoute(routing.app()), e);
        }
    }

    private static String couldNotRoute(String app) {
        return "Could not update the routing of app " + app;
    }
}
