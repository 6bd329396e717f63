package dev.drydock.jdbc.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.DomainRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Domains keyed by their name with ASCII letters lower-cased (name_key): the primary key and both
 * indexes hold that key, so lookups, uniqueness and order ignore case while each row keeps its
 * name as inserted.
 */
final class JdbcDomainRepository implements DomainRepository {
    private static final String COLUMNS = "d.name, d.app, d.owner, d.certificate, d.created, d.updated";
    private static final RowMapper<Domain> DOMAIN = (rs, ctx) -> new Domain(rs.getString("name"), rs.getString("app"),
            rs.getString("owner"), rs.getString("certificate"), Sql.instant(rs, "created"), Sql.instant(rs, "updated"));

    private final Unit unit;

    JdbcDomainRepository(Unit unit) {
        this.unit = unit;
    }


    @Override
    public void insert(Domain domain) {
        try {
            unit.write().createUpdate("INSERT INTO domains (name_key, name, app, owner, certificate, created, updated) "
                            + "VALUES (:key, :name, :app, :owner, :certificate, :created, :updated)")
                    .bind("key", Domain.key(domain.domain())).bind("name", domain.domain()).bind("app", domain.app())
                    .bind("owner", domain.owner()).bind("certificate", domain.certificate())
                    .bind("created", Sql.at(domain.created())).bind("updated", Sql.at(domain.updated()))
                    .execute();
        } catch (RuntimeException e) {
            boolean taken = Errors.failure(e).filter(f -> f.is("domains_pk")).isPresent();
            throw taken ? DrydockException.conflict("Domain is already in use by another application")
                    : Errors.translate(e);
        }
    }

    @Override
    public void update(Domain domain) {
        int changed = unit.write().createUpdate("UPDATE domains SET name = :name, app = :app, owner = :owner, "
                        + "certificate = :certificate, created = :created, updated = :updated WHERE name_key = :key")
                .bind("key", Domain.key(domain.domain())).bind("name", domain.domain()).bind("app", domain.app())
                .bind("owner", domain.owner()).bind("certificate", domain.certificate())
                .bind("created", Sql.at(domain.created())).bind("updated", Sql.at(domain.updated()))
                .execute();
        if (changed == 0) {
            throw Rows.missing("Domain");
        }
    }

    @Override
    public Optional<Domain> find(String domain) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM domains d WHERE d.name_key = :key")
                .bind("key", Domain.key(domain)).map(DOMAIN).findOne();
    }

    @Override
    public Page<Domain> list(String app, PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM domains d WHERE d.app = :app "
                        + "ORDER BY d.app, d.name_key LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM domains WHERE app = :app", q -> q.bind("app", app), DOMAIN, page);
    }

    @Override
    public List<Domain> withCertificate(String certificate) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM domains d WHERE d.certificate = :certificate "
                        + "ORDER BY d.certificate, d.name_key")
                .bind("certificate", certificate).map(DOMAIN).list();
    }

    @Override
    public boolean delete(String domain) {
        return unit.write().createUpdate("DELETE FROM domains WHERE name_key = :key")
                .bind("key", Domain.key(domain)).execute() > 0;
    }
}
