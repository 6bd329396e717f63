package dev.drydock.inmemory.internal;

import dev.drydock.ports.spi.PermissionRepository;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

final class MemoryPermissionRepository implements PermissionRepository {
    private final Unit unit;

    MemoryPermissionRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void grant(String app, String username) {
        Tables t = unit.write();
        // a grant on a missing app would later list a null app (a database refuses it by foreign key)
        if (!t.apps.containsKey(app)) {
            throw Rows.missing("App");
        }
        unit.add(unit.child(t.grantsByApp, app, TreeSet::new), username);
        unit.add(unit.child(t.grantsByUser, username, TreeSet::new), app);
    }

    @Override
    public boolean revoke(String app, String username) {
        return revoke(unit, app, username);
    }

    static boolean revoke(Unit unit, String app, String username) {
        Tables t = unit.write();
        Set<String> users = t.grantsByApp.get(app);
        if (users == null || !users.contains(username)) {
            return false;
        }
        unit.removeFrom(t.grantsByApp, app, username);
        unit.removeFrom(t.grantsByUser, username, app);
        return true;
    }

    @Override
    public boolean has(String app, String username) {
        Set<String> users = unit.read().grantsByApp.get(app);
        return users != null && users.contains(username);
    }

    @Override
    public List<String> users(String app) {
        Set<String> users = unit.read().grantsByApp.get(app);
        return users == null ? List.of() : List.copyOf(users);
    }
}
