package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.TlsRepository;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcTlsRepository implements TlsRepository {
    private static final RowMapper<Tls> TLS = (rs, ctx) -> new Tls(Sql.uuid(rs, "uuid"), rs.getString("app"),
            rs.getString("owner"), (Boolean) rs.getObject("https_enforced"), Sql.instant(rs, "created"),
            Sql.instant(rs, "updated"));

    private final Unit unit;

    JdbcTlsRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Tls tls) {
        try {
            unit.write().createUpdate("INSERT INTO tls (uuid, app, owner, https_enforced, created, updated) "
                            + "VALUES (:uuid, :app, :owner, :https, :created, :updated)")
                    .bind("uuid", Sql.uuid(tls.uuid())).bind("app", tls.app()).bind("owner", tls.owner())
                    .bind("https", tls.httpsEnforced())
                    .bind("created", Sql.at(tls.created())).bind("updated", Sql.at(tls.updated()))
                    .execute();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "tls_uuid_unique", "TLS with this uuid");
        }
    }

    @Override
    public Optional<Tls> latest(String app) {
        return unit.read().createQuery("SELECT t.uuid, t.app, t.owner, t.https_enforced, t.created, t.updated "
                        + "FROM tls t WHERE t.app = :app ORDER BY t.app DESC, t.seq DESC FETCH FIRST 1 ROWS ONLY")
                .bind("app", app).map(TLS).findOne();
    }
}
