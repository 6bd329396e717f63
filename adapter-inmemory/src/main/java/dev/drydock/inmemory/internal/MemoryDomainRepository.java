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

final class MemoryDomainRepository implements DomainRepository {
    private final Unit unit;

    MemoryDomainRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Domain domain) {
        Tables t = unit.write();
        if (t.domains.containsKey(domain.domain())) {
            throw DrydockException.conflict("Domain is already in use by another application");
        }
        unit.put(t.domains, domain.domain(), domain);
        index(unit, t, domain);
    }

    @Override
    public void update(Domain domain) {
        Tables t = unit.write();
        Domain old = t.domains.get(domain.domain());
        if (old == null) {
            throw Rows.missing("Domain");
        }
        unit.put(t.domains, domain.domain(), domain);
        if (!old.app().equals(domain.app()) || !Objects.equals(old.certificate(), domain.certificate())) {
            unindex(unit, t, old);
            index(unit, t, domain);
        }
    }

    private static void index(Unit unit, Tables t, Domain domain) {
        unit.add(unit.child(t.domainsByApp, domain.app(), TreeSet::new), domain.domain());
        if (domain.certificate() != null) {
            unit.add(unit.child(t.domainsByCertificate, domain.certificate(), TreeSet::new), domain.domain());
        }
    }

    private static void unindex(Unit unit, Tables t, Domain domain) {
        unit.removeFrom(t.domainsByApp, domain.app(), domain.domain());
        if (domain.certificate() != null) {
            unit.removeFrom(t.domainsByCertificate, domain.certificate(), domain.domain());
        }
    }

    @Override
    public Optional<Domain> find(String domain) {
        return Optional.ofNullable(unit.read().domains.get(domain));
    }

    @Override
    public Page<Domain> list(String app, PageRequest page) {
        Tables t = unit.read();
        NavigableSet<String> names = t.domainsByApp.get(app);
        return names == null ? new Page<>(List.of(), 0) : Rows.page(names, page, t.domains::get);
    }

    @Override
    public List<Domain> withCertificate(String certificate) {
        Tables t = unit.read();
        NavigableSet<String> names = t.domainsByCertificate.get(certificate);
        return names == null ? List.of() : names.stream().map(t.domains::get).toList();
    }

    @Override
    public boolean delete(String domain) {
        return delete(unit, domain);
    }

    static boolean delete(Unit unit, String domain) {
        Tables t = unit.write();
        Domain old = unit.remove(t.domains, domain);
        if (old == null) {
            return false;
        }
        unindex(unit, t, old);
        return true;
    }

    /** Detaches a removed certificate from its domains, as a foreign key with ON DELETE SET NULL would. */
    static void detach(Unit unit, String certificate) {
        Tables t = unit.write();
        NavigableSet<String> names = t.domainsByCertificate.get(certificate);
        if (names == null) {
            return;
        }
        for (String name : List.copyOf(names)) {
            Domain old = t.domains.get(name);
            Domain detached = new Domain(old.domain(), old.app(), old.owner(), null, old.created(), old.updated());
            unit.put(t.domains, name, detached);
        }
        unit.remove(t.domainsByCertificate, certificate);
    }
}
