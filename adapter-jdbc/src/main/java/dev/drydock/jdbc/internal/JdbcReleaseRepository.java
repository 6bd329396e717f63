package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.ReleaseRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

final class JdbcReleaseRepository implements ReleaseRepository {
    private static final String COLUMNS = "r.uuid, r.app, r.owner, r.version, r.summary, r.failed, r.exception, "
            + "r.config, r.build, r.created, r.updated";
    private static final RowMapper<Release> RELEASE = (rs, ctx) -> new Release(Sql.uuid(rs, "uuid"),
            rs.getString("app"), rs.getString("owner"), rs.getInt("version"), rs.getString("summary"),
            rs.getBoolean("failed"), rs.getString("exception"), Sql.uuid(rs, "config"), Sql.uuid(rs, "build"),
            Sql.instant(rs, "created"), Sql.instant(rs, "updated"));

    // the latest good release of an app with all that making the next release asks next: its
    // config and build, and the app's highest version, in one statement
    private static final String CURRENT = "SELECT " + COLUMNS + ", " + JdbcConfigRepository.PREFIXED_COLUMNS + ", "
            + JdbcBuildRepository.PREFIXED_COLUMNS + ", (SELECT m.version FROM releases m WHERE m.app = r.app "
            + "ORDER BY m.app DESC, m.version DESC FETCH FIRST 1 ROWS ONLY) AS max_version "
            + "FROM releases r LEFT JOIN configs c ON c.uuid = r.config LEFT JOIN builds b ON b.uuid = r.build "
            + "WHERE r.app = :app AND NOT r.failed ORDER BY r.app DESC, r.version DESC FETCH FIRST 1 ROWS ONLY";

    private final Unit unit;
    private final JdbcStore store;
    // per app, within one unit: asked several times while a release is made, changed only here
    private final Map<String, Optional<Release>> latestSucceeded = new HashMap<>();
    private final Map<String, Integer> maxVersions = new HashMap<>();

    JdbcReleaseRepository(Unit unit, JdbcStore store) {
        this.unit = unit;
        this.store = store;
    }

    @Override
    public void insert(Release release) {
        try {
            insertRow(release);
            maxVersions.computeIfPresent(release.app(), (app, max) -> Math.max(max, release.version()));
        } finally {
            latestSucceeded.remove(release.app());
        }
    }

    private void insertRow(Release release) {
        try {
            bind(unit.write().createUpdate("INSERT INTO releases (app, version, uuid, owner, summary, failed, exception, "
                    + "config, build, created, updated) VALUES (:app, :version, :uuid, :owner, :summary, "
                    + ":failed, :exception, :config, :build, :created, :updated)"), release).execute();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "releases_app_version", "Release " + release.name() + " of " + release.app());
        }
    }

    @Override
    public void update(Release release) {
        int changed = bind(unit.write().createUpdate("UPDATE releases SET uuid = :uuid, owner = :owner, "
                + "summary = :summary, failed = :failed, exception = :exception, config = :config, build = :build, "
                + "created = :created, updated = :updated WHERE app = :app AND version = :version"), release).execute();
        latestSucceeded.remove(release.app());
        if (changed == 0) {
            throw Rows.missing("Release");
        }
    }

    private static Update bind(Update statement, Release release) {
        return statement.bind("app", release.app()).bind("version", release.version())
                .bind("uuid", Sql.uuid(release.uuid())).bind("owner", release.owner())
                .bind("summary", release.summary()).bind("failed", release.failed())
                .bind("exception", release.exception())
                .bind("config", Sql.uuid(release.config())).bind("build", Sql.uuid(release.build()))
                .bind("created", Sql.at(release.created())).bind("updated", Sql.at(release.updated()));
    }

    @Override
    public Optional<Release> find(String app, int version) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM releases r WHERE r.app = :app AND r.version = :version")
                .bind("app", app).bind("version", version).map(RELEASE).findOne();
    }

    @Override
    public int maxVersion(String app) {
        Integer known = maxVersions.get(app);
        if (known != null) {
            return known;
        }
        // not max(version): H2 would read every release of the app for it, the index walk reads one
        return unit.read().createQuery("SELECT version FROM releases WHERE app = :app "
                        + "ORDER BY app DESC, version DESC FETCH FIRST 1 ROWS ONLY")
                .bind("app", app).mapTo(Integer.class).findOne().orElse(0);
    }

    @Override
    public Optional<Release> latestSucceeded(String app) {
        Optional<Release> known = latestSucceeded.get(app);
        if (known != null) {
            return known;
        }
        Optional<Release> found = unit.read().createQuery(CURRENT).bind("app", app).map((rs, ctx) -> {
            Release release = RELEASE.map(rs, ctx);
            if (rs.getObject("c_uuid") != null) {
                ((JdbcConfigRepository) store.configs()).seen(JdbcConfigRepository.read(rs, "c_"));
            }
            if (rs.getObject("b_uuid") != null) {
                ((JdbcBuildRepository) store.builds()).seen(JdbcBuildRepository.read(rs, "b_"));
            }
            maxVersions.put(app, rs.getInt("max_version"));
            return release;
        }).findOne();
        latestSucceeded.put(app, found);
        return found;
    }

    @Override
    public Page<Release> list(String app, PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM releases r WHERE r.app = :app "
                        + "ORDER BY r.app DESC, r.version DESC LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM releases WHERE app = :app", q -> q.bind("app", app), RELEASE, page);
    }
}
