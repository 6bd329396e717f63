package dev.drydock.jdbc.internal;

import dev.drydock.ports.spi.PermissionRepository;
import java.util.List;

final class JdbcPermissionRepository implements PermissionRepository {
    private final Unit unit;

    JdbcPermissionRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void grant(String app, String username) {
        if (has(app, username)) {
            return;
        }
        try {
            unit.write().createUpdate("INSERT INTO grants (app, username) VALUES (:app, :user)")
                    .bind("app", app).bind("user", username).execute();
        } catch (RuntimeException e) {
            throw Rows.parentMissing(e, "grants_app_fk", "App");
        }
        AppCounts.granted(unit, app, username, 1);
    }

    @Override
    public boolean revoke(String app, String username) {
        boolean revoked = unit.write().createUpdate("DELETE FROM grants WHERE app = :app AND username = :user")
                .bind("app", app).bind("user", username).execute() > 0;
        if (revoked) {
            AppCounts.granted(unit, app, username, -1);
        }
        return revoked;
    }

    @Override
    public boolean has(String app, String username) {
        return unit.read().createQuery("SELECT 1 FROM grants WHERE app = :app AND username = :user")
                .bind("app", app).bind("user", username).mapTo(Integer.class).findOne().isPresent();
    }

    @Override
    public List<String> users(String app) {
        return unit.read().createQuery("SELECT username FROM grants WHERE app = :app ORDER BY app, username")
                .bind("app", app).mapTo(String.class).list();
    }
}
