package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.CertificateRepository;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

final class MemoryCertificateRepository implements CertificateRepository {
    private final Unit unit;

    MemoryCertificateRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public Certificate insert(Certificate certificate) {
        Tables t = unit.write();
        if (t.certificates.containsKey(certificate.name())) {
            throw Rows.taken("certificate with this name");
        }
        Certificate stored = certificate.withId(t.certificateIds.incrementAndGet());
        unit.put(t.certificates, stored.name(), stored);
        unit.add(unit.child(t.certificatesByOwner, stored.owner(), TreeSet::new), stored.name());
        return stored;
    }

    @Override
    public Optional<Certificate> find(String name) {
        return Optional.ofNullable(unit.read().certificates.get(name));
    }

    @Override
    public Optional<Certificate> lock(String name) {
        // the store's one write lock already serialises every write
        return Optional.ofNullable(unit.write().certificates.get(name));
    }

    @Override
    public Page<Certificate> listByOwner(String owner, PageRequest page) {
        Tables t = unit.read();
        NavigableSet<String> names = t.certificatesByOwner.get(owner);
        return names == null ? Page.empty(page) : Rows.page(names, page, t.certificates::get);
    }

    @Override
    public boolean anyOwnedBy(String owner) {
        return unit.read().certificatesByOwner.containsKey(owner);
    }

    @Override
    public boolean delete(String name) {
        Tables t = unit.write();
        Certificate old = unit.remove(t.certificates, name);
        if (old == null) {
            return false;
        }
        unit.removeFrom(t.certificatesByOwner, old.owner(), name);
        MemoryDomainRepository.detach(unit, name);
        return true;
    }
}
