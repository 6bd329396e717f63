package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.TlsRepository;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryTlsRepository implements TlsRepository {
    private final Unit unit;

    MemoryTlsRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Tls tls) {
        Tables t = unit.write();
        if (t.tlsRows.containsKey(tls.uuid())) {
            throw Rows.taken("TLS with this uuid");
        }
        unit.put(t.tlsRows, tls.uuid(), tls);
        unit.put(unit.child(t.tlsByApp, tls.app(), TreeMap::new), t.next(), tls);
    }

    @Override
    public Optional<Tls> latest(String app) {
        NavigableMap<Long, Tls> rows = unit.read().tlsByApp.get(app);
        return rows == null ? Optional.empty() : Optional.of(rows.lastEntry().getValue());
    }
}
