package dev.drydock.inmemory.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.DomainRepository;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Domains keyed by their name with ASCII letters lower-cased: the table and both indexes hold that
 * key, so lookups, uniqueness and order ignore case while each row keeps its name as inserted.
 */
final class MemoryDomainRepository implements DomainRepository {
    private final Unit unit;

    MemoryDomainRepository(Unit unit) {
        this.unit = unit;
    }


    @Override
    public void insert(Domain domain) {
        Tables t = unit.write();
        String key = Domain.key(domain.domain());
        if (t.domains.containsKey(key)) {
            throw DrydockException.conflict("Domain is already in use by another application");
        }
        unit.put(t.domains, key, domain);
        index(unit, t, key, domain);
    }

    @Override
    public void update(Domain domain) {
        Tables t = unit.write();
        String key = Domain.key(domain.domain());
        Domain old = t.domains.get(key);
        if (old == null) {
            throw Rows.missing("Domain");
        }
        unit.put(t.domains, key, domain);
        if (!old.app().equals(domain.app()) || !Objects.equals(old.certificate(), domain.certificate())) {
            unindex(unit, t, key, old);
            index(unit, t, key, domain);
        }
    }

    private static void index(Unit unit, Tables t, String key, Domain domain) {
        unit.add(unit.child(t.domainsByApp, domain.app(), TreeSet::new), key);
        if (domain.certificate() != null) {
            unit.add(unit.child(t.domainsByCertificate, domain.certificate(), TreeSet::new), key);
        }
    }

    private static void unindex(Unit unit, Tables t, String key, Domain domain) {
        unit.removeFrom(t.domainsByApp, domain.app(), key);
        if (domain.certificate() != null) {
            unit.removeFrom(t.domainsByCertificate, domain.certificate(), key);
        }
    }

    @Override
    public Optional<Domain> find(String domain) {
        return Optional.ofNullable(unit.read().domains.get(Domain.key(domain)));
    }

    @Override
    public Page<Domain> list(String app, PageRequest page) {
        Tables t = unit.read();
        NavigableSet<String> keys = t.domainsByApp.get(app);
        return keys == null ? Page.empty(page) : Rows.page(keys, page, t.domains::get);
    }

    @Override
    public List<Domain> withCertificate(String certificate) {
        Tables t = unit.read();
        NavigableSet<String> keys = t.domainsByCertificate.get(certificate);
        return keys == null ? List.of() : keys.stream().map(t.domains::get).toList();
    }

    @Override
    public boolean delete(String domain) {
        return delete(unit, domain);
    }

    /** Removes a domain by its name or key (the key of a key is itself). */
    static boolean delete(Unit unit, String domain) {
        Tables t = unit.write();
        String key = Domain.key(domain);
        Domain old = unit.remove(t.domains, key);
        if (old == null) {
            return false;
        }
        unindex(unit, t, key, old);
        return true;
    }

    /** Detaches a removed certificate from its domains, as a foreign key with ON DELETE SET NULL would. */
    static void detach(Unit unit, String certificate) {
        Tables t = unit.write();
        NavigableSet<String> keys = t.domainsByCertificate.get(certificate);
        if (keys == null) {
            return;
        }
        for (String key : List.copyOf(keys)) {
            Domain old = t.domains.get(key);
            Domain detached = new Domain(old.domain(), old.app(), old.owner(), null, old.created(), old.updated());
            unit.put(t.domains, key, detached);
        }
        unit.remove(t.domainsByCertificate, certificate);
    }
}
