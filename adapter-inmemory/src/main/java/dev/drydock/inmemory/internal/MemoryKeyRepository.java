package dev.drydock.inmemory.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.KeyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryKeyRepository implements KeyRepository {
    private final Unit unit;

    MemoryKeyRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Key key) {
        Tables t = unit.write();
        if (t.keys.containsKey(key.id())) {
            throw Rows.taken("SSH Key with this id");
        }
        if (t.keyIdsByPublic.containsKey(key.publicKey())) {
            throw DrydockException.conflict("Public Key is already in use");
        }
        NavigableMap<String, String> sameFingerprint = t.keysByFingerprint.get(key.fingerprint());
        if (sameFingerprint != null
                && sameFingerprint.values().stream().anyMatch(id -> t.keys.get(id).owner().equals(key.owner()))) {
            throw Rows.taken("Key with this Owner and Fingerprint");
        }
        unit.put(t.keys, key.id(), key);
        unit.put(t.keyIdsByPublic, key.publicKey(), key.id());
        unit.put(unit.child(t.keysByFingerprint, key.fingerprint(), TreeMap::new), key.publicKey(), key.id());
        unit.put(unit.child(t.keysByOwner, key.owner(), TreeMap::new), key.publicKey(), key);
    }

    @Override
    public Optional<Key> find(String id) {
        return Optional.ofNullable(unit.read().keys.get(id));
    }

    @Override
    public Optional<Key> findByPublic(String publicKey) {
        Tables t = unit.read();
        String id = t.keyIdsByPublic.get(publicKey);
        return id == null ? Optional.empty() : Optional.of(t.keys.get(id));
    }

    @Override
    public List<Key> findByFingerprint(String fingerprint) {
        Tables t = unit.read();
        NavigableMap<String, String> ids = t.keysByFingerprint.get(fingerprint);
        return ids == null ? List.of() : ids.values().stream().map(t.keys::get).toList();
    }

    @Override
    public Page<Key> listByOwner(String owner, PageRequest page) {
        NavigableMap<String, Key> keys = unit.read().keysByOwner.get(owner);
        return keys == null ? Page.empty(page) : Rows.page(keys.values(), page);
    }

    @Override
    public boolean delete(String id) {
        return delete(unit, id);
    }

    static boolean delete(Unit unit, String id) {
        Tables t = unit.write();
        Key key = unit.remove(t.keys, id);
        if (key == null) {
            return false;
        }
        unit.remove(t.keyIdsByPublic, key.publicKey());
        unit.removeFromMap(t.keysByFingerprint, key.fingerprint(), key.publicKey());
        unit.removeFromMap(t.keysByOwner, key.owner(), key.publicKey());
        return true;
    }

    static void deleteOwnedBy(Unit unit, String owner) {
        NavigableMap<String, Key> keys = unit.write().keysByOwner.get(owner);
        if (keys != null) {
            for (Key key : new ArrayList<>(keys.values())) {
                delete(unit, key.id());
            }
        }
    }
}
