package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.CertificateRepository;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcCertificateRepository implements CertificateRepository {
    private static final String COLUMNS = "c.id, c.owner, c.name, c.common_name, c.san, c.fingerprint, c.starts, "
            + "c.expires, c.issuer, c.subject, c.certificate_pem, c.key_pem, c.created, c.updated";
    private static final RowMapper<Certificate> CERTIFICATE = (rs, ctx) -> new Certificate(rs.getLong("id"),
            rs.getString("owner"), rs.getString("name"), rs.getString("common_name"), JsonText.list(rs.getString("san")),
            rs.getString("fingerprint"), Sql.instant(rs, "starts"), Sql.instant(rs, "expires"), rs.getString("issuer"),
            rs.getString("subject"), rs.getString("certificate_pem"), rs.getString("key_pem"),
            Sql.instant(rs, "created"), Sql.instant(rs, "updated"));

    private final Unit unit;

    JdbcCertificateRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public Certificate insert(Certificate c) {
        long id;
        try {
            id = unit.write().createUpdate("INSERT INTO certificates (owner, name, common_name, san, fingerprint, starts, "
                            + "expires, issuer, subject, certificate_pem, key_pem, created, updated) VALUES (:owner, :name, "
                            + ":commonName, :san, :fingerprint, :starts, :expires, :issuer, :subject, :certificate, :key, "
                            + ":created, :updated)")
                    .bind("owner", c.owner()).bind("name", c.name()).bind("commonName", c.commonName())
                    .bind("san", JsonText.write(c.san())).bind("fingerprint", c.fingerprint())
                    .bind("starts", Sql.at(c.starts())).bind("expires", Sql.at(c.expires()))
                    .bind("issuer", c.issuer()).bind("subject", c.subject())
                    .bind("certificate", c.certificatePem()).bind("key", c.keyPem())
                    .bind("created", Sql.at(c.created())).bind("updated", Sql.at(c.updated()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "certificates_name_unique", "certificate with this name");
        }
        return c.withId(id);
    }

    @Override
    public Optional<Certificate> find(String name) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM certificates c WHERE c.name = :name")
                .bind("name", name).map(CERTIFICATE).findOne();
    }

    @Override
    public Optional<Certificate> lock(String name) {
        return unit.write().createQuery("SELECT " + COLUMNS + " FROM certificates c WHERE c.name = :name FOR UPDATE")
                .bind("name", name).map(CERTIFICATE).findOne();
    }

    @Override
    public Page<Certificate> listByOwner(String owner, PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM certificates c WHERE c.owner = :owner "
                        + "ORDER BY c.owner, c.name LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM certificates WHERE owner = :owner", q -> q.bind("owner", owner), CERTIFICATE, page);
    }

    @Override
    public boolean anyOwnedBy(String owner) {
        return unit.read().createQuery("SELECT 1 FROM certificates WHERE owner = :owner FETCH FIRST 1 ROWS ONLY")
                .bind("owner", owner).mapTo(Integer.class).findOne().isPresent();
    }

    @Override
    public boolean delete(String name) {
        // domains it was attached to are detached by ON DELETE SET NULL
        return unit.write().createUpdate("DELETE FROM certificates WHERE name = :name")
                .bind("name", name).execute() > 0;
    }
}
