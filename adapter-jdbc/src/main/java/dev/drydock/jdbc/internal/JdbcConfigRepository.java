package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Config;
import dev.drydock.ports.spi.ConfigRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcConfigRepository implements ConfigRepository {
    private static final String COLUMNS = "c.uuid, c.app, c.owner, c.body, c.created, c.updated";
    /** The columns as another query selects them, named with prefix {@code c_} for {@link #read(ResultSet, String)}. */
    static final String PREFIXED_COLUMNS = "c.uuid AS c_uuid, c.app AS c_app, c.owner AS c_owner, c.body AS c_body, "
            + "c.created AS c_created, c.updated AS c_updated";
    private static final RowMapper<Config> CONFIG = (rs, ctx) -> read(rs, "");

    private final Unit unit;
    // configs never change once stored: within one unit each is read from the database once
    private final Map<UUID, Config> seen = new HashMap<>();

    JdbcConfigRepository(Unit unit) {
        this.unit = unit;
    }

    // every map of a config in one JSON document: one text value per row to store and read
    private static String body(Config c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("values", c.values());
        body.put("memory", c.memory());
        body.put("cpu", c.cpu());
        body.put("tags", c.tags());
        body.put("registry", c.registry());
        body.put("healthcheck", c.healthcheck());
        body.put("lifecycle_post_start", c.lifecyclePostStart());
        body.put("lifecycle_pre_stop", c.lifecyclePreStop());
        body.put("termination_grace_period", c.terminationGracePeriod());
        return JsonText.write(body);
    }

    @SuppressWarnings("unchecked")
    static Config read(ResultSet rs, String prefix) throws SQLException {
        Map<String, Object> body = JsonText.map(rs.getString(prefix + "body"));
        return new Config(Sql.uuid(rs, prefix + "uuid"), rs.getString(prefix + "app"), rs.getString(prefix + "owner"),
                (Map<String, Object>) body.get("values"), strings(body, "memory"), strings(body, "cpu"),
                strings(body, "tags"), strings(body, "registry"), (Map<String, Object>) body.get("healthcheck"),
                strings(body, "lifecycle_post_start"), strings(body, "lifecycle_pre_stop"),
                strings(body, "termination_grace_period"), Sql.instant(rs, prefix + "created"),
                Sql.instant(rs, prefix + "updated"));
    }

    /** Remembers a config another query read, as if this repository had. */
    void seen(Config config) {
        seen.put(config.uuid(), config);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Map<String, Object> body, String field) {
        return (Map<String, String>) (Map<String, ?>) body.get(field);
    }

    @Override
    public void insert(Config config) {
        try {
            unit.write().createUpdate("INSERT INTO configs (uuid, app, owner, body, created, updated) "
                            + "VALUES (:uuid, :app, :owner, :body, :created, :updated)")
                    .bind("uuid", Sql.uuid(config.uuid())).bind("app", config.app()).bind("owner", config.owner())
                    .bind("body", body(config))
                    .bind("created", Sql.at(config.created())).bind("updated", Sql.at(config.updated()))
                    .execute();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "configs_uuid_unique", "Config with this uuid");
        }
        seen.put(config.uuid(), config);
    }

    @Override
    public Optional<Config> find(UUID uuid) {
        Config known = seen.get(uuid);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Config> found = unit.read().createQuery("SELECT " + COLUMNS + " FROM configs c WHERE c.uuid = :uuid")
                .bind("uuid", Sql.uuid(uuid)).map(CONFIG).findOne();
        found.ifPresent(config -> seen.put(uuid, config));
        return found;
    }

    @Override
    public Optional<Config> latest(String app) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM configs c WHERE c.app = :app "
                        + "ORDER BY c.app DESC, c.seq DESC FETCH FIRST 1 ROWS ONLY")
                .bind("app", app).map(CONFIG).findOne();
    }
}
