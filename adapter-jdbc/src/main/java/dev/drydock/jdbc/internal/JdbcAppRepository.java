package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.AppRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcAppRepository implements AppRepository {
    private static final String COLUMNS = "a.id, a.uuid, a.owner, a.structure, a.procfile_structure, a.created, a.updated";
    private static final RowMapper<App> APP = (rs, ctx) -> new App(Sql.uuid(rs, "uuid"), rs.getString("id"),
            rs.getString("owner"), JsonText.counts(rs.getString("structure")),
            JsonText.strings(rs.getString("procfile_structure")), Sql.instant(rs, "created"),
            Sql.instant(rs, "updated"));

    // The first offset + limit apps the user owns and as many they were granted, each an index walk
    // that stops there, merged: a page costs the same however many apps the user has.
    private static final String VISIBLE_PAGE = "SELECT * FROM ("
            + "(SELECT " + COLUMNS + " FROM apps a WHERE a.owner = :user ORDER BY a.owner DESC, a.id FETCH FIRST :n ROWS ONLY) "
            + "UNION (SELECT " + COLUMNS + " FROM grants g JOIN apps a ON a.id = g.app WHERE g.username = :user "
            + "ORDER BY g.username DESC, g.app FETCH FIRST :n ROWS ONLY)) v ORDER BY v.id LIMIT :limit OFFSET :offset";

    private final Unit unit;
    private final Runnable rowsChanged;
    // rows this unit locked: nobody else can change them before it ends, so they are read once
    private final Map<String, App> locked = new HashMap<>();

    /** {@code rowsChanged} runs when a delete or transfer changes rows other repositories may remember. */
    JdbcAppRepository(Unit unit, Runnable rowsChanged) {
        this.unit = unit;
        this.rowsChanged = rowsChanged;
    }

    @Override
    public Optional<App> find(String id) {
        App mine = locked.get(id);
        if (mine != null) {
            unit.read();
            return Optional.of(mine);
        }
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM apps a WHERE a.id = :id")
                .bind("id", id).map(APP).findOne();
    }

    @Override
    public Optional<App> lock(String id) {
        App mine = locked.get(id);
        if (mine != null) {
            unit.write();
            return Optional.of(mine);
        }
        unit.queueFor("app " + id);
        Optional<App> found = unit.write().createQuery("SELECT " + COLUMNS + " FROM apps a WHERE a.id = :id FOR UPDATE")
                .bind("id", id).map(APP).findOne();
        found.ifPresent(app -> locked.put(id, app));
        return found;
    }

    @Override
    public void insert(App app) {
        try {
            unit.write().createUpdate("INSERT INTO apps (id, uuid, owner, structure, procfile_structure, created, updated) "
                            + "VALUES (:id, :uuid, :owner, :structure, :procfile, :created, :updated)")
                    .bind("id", app.id()).bind("uuid", Sql.uuid(app.uuid())).bind("owner", app.owner())
                    .bind("structure", JsonText.write(app.structure()))
                    .bind("procfile", JsonText.write(app.procfileStructure()))
                    .bind("created", Sql.at(app.created())).bind("updated", Sql.at(app.updated()))
                    .execute();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "apps_pk", "Application with this id");
        }
        AppCounts.appAdded(unit, app.owner());
    }

    /** The owner of an app as stored, from the row this unit locked if it did. */
    private Optional<String> storedOwner(String id) {
        App mine = locked.get(id);
        if (mine != null) {
            return Optional.of(mine.owner());
        }
        return unit.read().createQuery("SELECT owner FROM apps WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    @Override
    public void update(App app) {
        String owner = storedOwner(app.id()).orElseThrow(() -> Rows.missing("App"));
        int changed = unit.write().createUpdate("UPDATE apps SET owner = :owner, structure = :structure, "
                        + "procfile_structure = :procfile, updated = :updated WHERE id = :id")
                .bind("id", app.id()).bind("owner", app.owner())
                .bind("structure", JsonText.write(app.structure()))
                .bind("procfile", JsonText.write(app.procfileStructure()))
                .bind("updated", Sql.at(app.updated()))
                .execute();
        if (changed == 0) {
            throw Rows.missing("App");
        }
        if (!owner.equals(app.owner())) {
            AppCounts.ownerChanged(unit, app.id(), owner, app.owner());
        }
        locked.computeIfPresent(app.id(), (id, old) -> app);
    }

    @Override
    public void delete(String id) {
        // configs, builds, releases, domains, TLS rows and grants go by ON DELETE CASCADE; certificates stay
        String owner = storedOwner(id).orElseThrow(() -> Rows.missing("App"));
        rowsChanged.run();
        locked.clear();
        AppCounts.appRemoved(unit, id, owner);
        int deleted = unit.write().createUpdate("DELETE FROM apps WHERE id = :id").bind("id", id).execute();
        if (deleted == 0) {
            throw Rows.missing("App");
        }
    }

    @Override
    public Page<App> list(PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM apps a ORDER BY a.id LIMIT :limit OFFSET :offset",
                AppCounts::all, q -> { }, q -> { }, APP, page);
    }

    @Override
    public Page<App> visibleTo(String username, PageRequest page) {
        long n = Math.min((long) page.offset() + page.limit(), Integer.MAX_VALUE);
        return Sql.page(unit, VISIBLE_PAGE, counted -> AppCounts.visibleTo(counted, username),
                q -> q.bind("user", username), q -> q.bind("n", n), APP, page);
    }

    @Override
    public long countOwnedBy(String username) {
        return AppCounts.ownedBy(unit, username);
    }

    @Override
    public void transfer(String id, String from, String to, Instant now) {
        String owner = storedOwner(id).orElseThrow(() -> Rows.missing("App"));
        rowsChanged.run();
        locked.clear();
        int changed = unit.write().createUpdate("UPDATE apps SET owner = :to, updated = :now WHERE id = :id")
                .bind("id", id).bind("to", to).bind("now", Sql.at(now)).execute();
        if (changed == 0) {
            throw Rows.missing("App");
        }
        if (!owner.equals(to)) {
            AppCounts.ownerChanged(unit, id, owner, to);
        }
        for (String table : new String[] {"configs", "builds", "releases", "tls", "domains"}) {
            unit.write().createUpdate("UPDATE " + table + " SET owner = :to WHERE app = :id AND owner = :from")
                    .bind("id", id).bind("from", from).bind("to", to).execute();
        }
    }
}
