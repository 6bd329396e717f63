package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class MemoryUserRepository implements UserRepository {
    private final Unit unit;

    MemoryUserRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public Optional<User> find(String username) {
        Tables.UserRow row = unit.read().users.get(username);
        return row == null ? Optional.empty() : Optional.of(row.user());
    }

    @Override
    public Optional<User> lock(String username) {
        // the store's one write lock already serialises every write
        Tables.UserRow row = unit.write().users.get(username);
        return row == null ? Optional.empty() : Optional.of(row.user());
    }

    @Override
    public void lockSignUps() {
        unit.write();
    }

    @Override
    public void insert(User user) {
        Tables t = unit.write();
        if (t.users.containsKey(user.username())) {
            throw Rows.taken("A user with that username");
        }
        long seq = t.next();
        unit.put(t.users, user.username(), new Tables.UserRow(seq, user));
        index(t, seq, user);
    }

    @Override
    public void update(User user) {
        Tables t = unit.write();
        Tables.UserRow row = t.users.get(user.username());
        if (row == null) {
            throw Rows.missing("User");
        }
        unit.put(t.users, user.username(), new Tables.UserRow(row.seq(), user));
        unit.remove(t.activeSuperusersByJoin, row.seq());
        index(t, row.seq(), user);
    }

    private void index(Tables t, long seq, User user) {
        unit.put(t.usersByJoin, seq, user);
        if (user.superuser() && user.active()) {
            unit.put(t.activeSuperusersByJoin, seq, user);
        }
    }

    @Override
    public void delete(String username) {
        Tables t = unit.write();
        Tables.UserRow row = t.users.get(username);
        if (row == null) {
            throw Rows.missing("User");
        }
        unit.remove(t.users, username);
        unit.remove(t.usersByJoin, row.seq());
        unit.remove(t.activeSuperusersByJoin, row.seq());
        MemoryKeyRepository.deleteOwnedBy(unit, username);
        MemoryTokenRepository.revoke(unit, username);
        Set<String> granted = t.grantsByUser.get(username);
        if (granted != null) {
            for (String app : new ArrayList<>(granted)) {
                MemoryPermissionRepository.revoke(unit, app, username);
            }
        }
    }

    @Override
    public Page<User> list(PageRequest page) {
        return Rows.page(unit.read().usersByJoin.values(), page);
    }

    @Override
    public Page<User> superusers(PageRequest page) {
        return Rows.page(unit.read().activeSuperusersByJoin.values(), page);
    }

    @Override
    public boolean anySuperuser() {
        return unit.read().usersByJoin.values().stream().anyMatch(User::superuser);
    }

    @Override
    public boolean ownsRecords(String username) {
        // A scan: only account removal asks, and that is rare.
        Tables t = unit.read();
        return t.configs.values().stream().anyMatch(c -> c.owner().equals(username))
                || t.builds.values().stream().anyMatch(b -> b.owner().equals(username))
                || t.releasesByApp.values().stream().flatMap(r -> r.values().stream())
                        .anyMatch(r -> r.owner().equals(username))
                || t.domains.values().stream().anyMatch(d -> d.owner().equals(username))
                || t.tlsRows.values().stream().anyMatch(r -> r.owner().equals(username));
    }
}
