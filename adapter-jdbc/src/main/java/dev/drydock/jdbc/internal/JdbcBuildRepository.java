package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.BuildRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcBuildRepository implements BuildRepository {
    private static final String COLUMNS = "b.uuid, b.app, b.owner, b.image, b.sha, b.procfile, b.dockerfile, b.created, "
            + "b.updated";
    /** The columns as another query selects them, named with prefix {@code b_} for {@link #read}. */
    static final String PREFIXED_COLUMNS = "b.uuid AS b_uuid, b.app AS b_app, b.owner AS b_owner, b.image AS b_image, "
            + "b.sha AS b_sha, b.procfile AS b_procfile, b.dockerfile AS b_dockerfile, b.created AS b_created, "
            + "b.updated AS b_updated";
    private static final RowMapper<Build> BUILD = (rs, ctx) -> read(rs, "");

    static Build read(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
        return new Build(Sql.uuid(rs, prefix + "uuid"), rs.getString(prefix + "app"), rs.getString(prefix + "owner"),
                rs.getString(prefix + "image"), rs.getString(prefix + "sha"),
                JsonText.strings(rs.getString(prefix + "procfile")), rs.getString(prefix + "dockerfile"),
                Sql.instant(rs, prefix + "created"), Sql.instant(rs, prefix + "updated"));
    }

    /** Remembers a build another query read, as if this repository had. */
    void seen(Build build) {
        seen.put(build.uuid(), build);
    }

    private final Unit unit;
    // builds never change once stored: within one unit each is read from the database once
    private final Map<UUID, Build> seen = new HashMap<>();

    JdbcBuildRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Build build) {
        try {
            unit.write().createUpdate("INSERT INTO builds (uuid, app, owner, image, sha, procfile, dockerfile, created, "
                            + "updated) VALUES (:uuid, :app, :owner, :image, :sha, :procfile, :dockerfile, :created, :updated)")
                    .bind("uuid", Sql.uuid(build.uuid())).bind("app", build.app()).bind("owner", build.owner())
                    .bind("image", build.image()).bind("sha", build.sha())
                    .bind("procfile", JsonText.write(build.procfile())).bind("dockerfile", build.dockerfile())
                    .bind("created", Sql.at(build.created())).bind("updated", Sql.at(build.updated()))
                    .execute();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "builds_uuid_unique", "Build with this uuid");
        }
        seen.put(build.uuid(), build);
    }

    @Override
    public Optional<Build> find(UUID uuid) {
        Build known = seen.get(uuid);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Build> found = unit.read().createQuery("SELECT " + COLUMNS + " FROM builds b WHERE b.uuid = :uuid")
                .bind("uuid", Sql.uuid(uuid)).map(BUILD).findOne();
        found.ifPresent(build -> seen.put(uuid, build));
        return found;
    }

    @Override
    public Page<Build> list(String app, PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM builds b WHERE b.app = :app "
                        + "ORDER BY b.app DESC, b.seq DESC LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM builds WHERE app = :app", q -> q.bind("app", app), BUILD, page);
    }
}
