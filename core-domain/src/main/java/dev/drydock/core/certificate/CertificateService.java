package dev.drydock.core.certificate;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.domain.DomainName;
import dev.drydock.core.domain.DomainService;
import dev.drydock.core.routing.RoutingSync;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Certificates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A user's TLS certificates. Each is visible only to its owner, admins included; another user's
 * certificate does not exist for the caller. Attaching needs a domain of an app the caller may
 * use, and a domain holds at most one certificate. Attaching, detaching and deleting tell the
 * router inside their write ({@link RoutingSync}): if it cannot be told, nothing changes.
 */
public final class CertificateService implements Certificates {
    public static final String NO_CERTIFICATE = "No Certificate matches the given query.";

    static final String NAME = "name";
    static final int NAME_MAX_LENGTH = 253;
    static final String NAME_FORMAT = "Can only contain a-z (lowercase), 0-9 and hyphens";
    static final String NAME_TAKEN = "certificate with this name already exists.";
    static final String NAME_TOO_LONG = "Ensure this field has no more than 253 characters.";
    static final String DOMAIN_REQUIRED = "domain is a required field";
    static final String ALREADY_ATTACHED = "Domain already has a certificate attached to it";

    private static final Pattern NAME_PATTERN = Pattern.compile("^[a-z0-9-]+$");

    private final Transactions transactions;
    private final Clock clock;
    private final RoutingSync routing;
    private final Settings.Limits limits;

    /** {@code limits} say how many certificates a page holds at most. */
    public CertificateService(Transactions transactions, Scheduler scheduler, Clock clock, Settings.Limits limits) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routing = new RoutingSync(scheduler);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Attached create(Caller caller, String name, String certificatePem, String keyPem) {
        String trimmedName = name == null ? null : name.strip();
        // parsing needs no store and checks a signature: done before the transaction
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        ParsedCertificate parsed = null;
        try {
            parsed = CertificateParser.parse(certificatePem, keyPem);
        } catch (InvalidException e) {
            fieldErrors.putAll(e.fieldErrors());
        }
        ParsedCertificate leaf = parsed;
        return transactions.write(store -> {
            Access.caller(store, caller);
            Map<String, List<String>> errors = new LinkedHashMap<>(nameErrors(trimmedName, taken(store, trimmedName)));
            errors.putAll(fieldErrors);
            if (!errors.isEmpty()) {
                throw DrydockException.invalidFields(errors);
            }
            Instant now = clock.instant();
            Certificate certificate = new Certificate(0, caller.username(), trimmedName, leaf.commonName(), leaf.san(),
                    leaf.fingerprint(), leaf.starts(), leaf.expires(), leaf.issuer(), leaf.subject(),
                    certificatePem, keyPem, now, now);
            try {
                return new Attached(store.certificates().insert(certificate), List.of());
            } catch (ConflictException takenMeanwhile) {
                throw DrydockException.invalidField(NAME, NAME_TAKEN);
            }
        });
    }

    @Override
    public Page<Attached> list(Caller caller, PageRequest page) {
        return transactions.read(store -> store.certificates()
                .listByOwner(Access.acting(store, caller).username(), limits.page(page))
                .map(certificate -> attached(store, certificate)));
    }

    @Override
    public Attached get(Caller caller, String name) {
        return transactions.read(store -> attached(store, owned(store, caller, name)));
    }

    @Override
    public void delete(Caller caller, String name) {
        transactions.writeVoid(store -> {
            Certificate certificate = lockOwned(store, caller, name);
            Instant now = clock.instant();
            // apps in order of id, then the domains again: one may have been removed before its app was locked
            new TreeSet<>(store.domains().withCertificate(certificate.name()).stream().map(Domain::app).toList())
                    .forEach(app -> store.apps().lock(app));
            List<Domain> attached = store.domains().withCertificate(certificate.name());
            List<Routing> before = RoutingSync.routings(store, attached.stream().map(Domain::app).toList());
            for (Domain domain : attached) {
                store.domains().update(domain.withCertificate(null, now));
            }
            store.certificates().delete(certificate.name());
            routing.pushAll(store, before);
        });
    }

    @Override
    public void attach(Caller caller, String name, String domain) {
        requireDomain(domain);
        transactions.writeVoid(store -> {
            Certificate certificate = lockOwned(store, caller, name);
            Domain target = usableDomain(store, caller, domain);
            if (target.certificate() != null) {
                throw DrydockException.conflict(ALREADY_ATTACHED);
            }
            store.domains().update(target.withCertificate(certificate.name(), clock.instant()));
            routing.push(store, target.app());
        });
    }

    /**
     * Detaches only from a domain this certificate is attached to. Upstream cleared whatever
     * certificate the domain held, even another user's; here a domain without this certificate is
     * refused with 400 "{domain} is not attached to certificate {name}", so detaching twice tells
     * the user that the first one already did it.
     */
    @Override
    public void detach(Caller caller, String name, String domain) {
        requireDomain(domain);
        transactions.writeVoid(store -> {
            Certificate certificate = lockOwned(store, caller, name);
            Domain target = usableDomain(store, caller, domain);
            if (!certificate.name().equals(target.certificate())) {
                throw DrydockException.invalid(target.domain() + " is not attached to certificate " + certificate.name());
            }
            store.domains().update(target.withCertificate(null, clock.instant()));
            routing.push(store, target.app());
        });
    }

    private static void requireDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw DrydockException.invalid(DOMAIN_REQUIRED);
        }
    }

    /**
     * The domain on any app, looked up by its ASCII form in any case (the Unicode form works
     * too), if the caller may use its app. Upstream let anyone attach to anyone's domain; here the
     * app must be theirs to use.
     */
    private static Domain usableDomain(Store store, Caller caller, String domain) {
        String lookup = DomainName.lookupForm(domain);
        Domain found = store.domains().find(lookup)
                .orElseThrow(() -> DrydockException.notFound(DomainService.NO_DOMAIN));
        Access.useLocked(store, caller, found.app());
        // read again under the app's lock: it may have been removed, or moved to another app, meanwhile
        return store.domains().find(lookup)
                .filter(locked -> locked.app().equals(found.app()))
                .orElseThrow(() -> DrydockException.notFound(DomainService.NO_DOMAIN));
    }

    private static Certificate owned(Store store, Caller caller, String name) {
        Access.acting(store, caller);
        return store.certificates().find(name == null ? "" : name)
                .filter(certificate -> caller.is(certificate.owner()))
                .orElseThrow(() -> DrydockException.notFound(NO_CERTIFICATE));
    }

    /** {@link #owned}, locked until the write ends; certificates are locked before apps. */
    private static Certificate lockOwned(Store store, Caller caller, String name) {
        Access.acting(store, caller);
        return store.certificates().lock(name == null ? "" : name)
                .filter(certificate -> caller.is(certificate.owner()))
                .orElseThrow(() -> DrydockException.notFound(NO_CERTIFICATE));
    }

    private static Attached attached(Store store, Certificate certificate) {
        List<String> domains = store.domains().withCertificate(certificate.name()).stream()
                .map(Domain::domain).sorted().toList();
        return new Attached(certificate, domains);
    }

    private static boolean taken(Store store, String name) {
        return name != null && !name.isEmpty() && store.certificates().find(name).isPresent();
    }

    /** Every rule the name breaks, in upstream's order. */
    private static Map<String, List<String>> nameErrors(String name, boolean taken) {
        List<String> messages = new ArrayList<>();
        if (name == null) {
            messages.add(CertificateParser.REQUIRED);
        } else if (name.isEmpty()) {
            messages.add(CertificateParser.BLANK);
        } else {
            if (!NAME_PATTERN.matcher(name).matches()) {
                messages.add(NAME_FORMAT);
            }
            if (taken) {
                messages.add(NAME_TAKEN);
            }
            if (name.length() > NAME_MAX_LENGTH) {
                messages.add(NAME_TOO_LONG);
            }
        }
        return messages.isEmpty() ? Map.of() : Map.of(NAME, messages);
    }
}
