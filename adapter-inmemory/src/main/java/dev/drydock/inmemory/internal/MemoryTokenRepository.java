package dev.drydock.inmemory.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.TokenRepository;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

final class MemoryTokenRepository implements TokenRepository {
    private final Unit unit;

    MemoryTokenRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void add(String digest, String username) {
        Tables t = unit.write();
        String holder = t.tokenOwners.get(digest);
        if (holder != null) {
            if (holder.equals(username)) {
                return;
            }
            throw DrydockException.conflict("This token is already issued.");
        }
        unit.put(t.tokenOwners, digest, username);
        unit.add(unit.child(t.tokensByUser, username, TreeSet::new), digest);
    }

    @Override
    public Optional<String> owner(String digest) {
        return Optional.ofNullable(unit.read().tokenOwners.get(digest));
    }

    @Override
    public Optional<User> holder(String digest) {
        Tables t = unit.read();
        String username = t.tokenOwners.get(digest);
        Tables.UserRow row = username == null ? null : t.users.get(username);
        return row == null ? Optional.empty() : Optional.of(row.user());
    }

    @Override
    public void revokeAll(String username) {
        revoke(unit, username);
    }

    @Override
    public void revokeEveryone() {
        Tables t = unit.write();
        for (String username : new ArrayList<>(t.tokensByUser.keySet())) {
            revoke(unit, username);
        }
    }

    static void revoke(Unit unit, String username) {
        Tables t = unit.write();
        Set<String> digests = t.tokensByUser.get(username);
        if (digests == null) {
            return;
        }
        for (String digest : digests) {
            unit.remove(t.tokenOwners, digest);
        }
        unit.remove(t.tokensByUser, username);
    }
}
