package dev.drydock.jdbc.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.KeyRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcKeyRepository implements KeyRepository {
    private static final String COLUMNS = "k.id, k.uuid, k.owner, k.public_key, k.fingerprint, k.created, k.updated";
    private static final RowMapper<Key> KEY = (rs, ctx) -> new Key(Sql.uuid(rs, "uuid"), rs.getString("owner"),
            rs.getString("id"), rs.getString("public_key"), rs.getString("fingerprint"), Sql.instant(rs, "created"),
            Sql.instant(rs, "updated"));

    private final Unit unit;

    JdbcKeyRepository(Unit unit) {
        this.unit = unit;
    }

    /** The SHA-256 of a public key text: unique in its place, so the text itself needs no index. */
    static String digest(String publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(publicKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public void insert(Key key) {
        try {
            unit.write().createUpdate("INSERT INTO ssh_keys (id, uuid, owner, public_key, public_digest, fingerprint, "
                            + "created, updated) VALUES (:id, :uuid, :owner, :public, :digest, :fingerprint, :created, :updated)")
                    .bind("id", key.id()).bind("uuid", Sql.uuid(key.uuid())).bind("owner", key.owner())
                    .bind("public", key.publicKey()).bind("digest", digest(key.publicKey()))
                    .bind("fingerprint", key.fingerprint())
                    .bind("created", Sql.at(key.created())).bind("updated", Sql.at(key.updated()))
                    .execute();
        } catch (RuntimeException e) {
            Optional<Errors.Failure> failure = Errors.failure(e).filter(f -> f.kind() == Errors.Kind.UNIQUE);
            if (failure.filter(f -> f.is("ssh_keys_pk")).isPresent()) {
                throw Rows.taken("SSH Key with this id");
            }
            if (failure.filter(f -> f.is("ssh_keys_public_unique")).isPresent()) {
                throw DrydockException.conflict("Public Key is already in use");
            }
            if (failure.filter(f -> f.is("ssh_keys_owner_fingerprint_unique")).isPresent()) {
                throw Rows.taken("Key with this Owner and Fingerprint");
            }
            throw Errors.translate(e);
        }
    }

    @Override
    public Optional<Key> find(String id) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM ssh_keys k WHERE k.id = :id")
                .bind("id", id).map(KEY).findOne();
    }

    @Override
    public Optional<Key> findByPublic(String publicKey) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM ssh_keys k WHERE k.public_digest = :digest")
                .bind("digest", digest(publicKey)).map(KEY).findOne();
    }

    @Override
    public List<Key> findByFingerprint(String fingerprint) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM ssh_keys k WHERE k.fingerprint = :fingerprint "
                        + "ORDER BY k.public_key")
                .bind("fingerprint", fingerprint).map(KEY).list();
    }

    @Override
    public Page<Key> listByOwner(String owner, PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM ssh_keys k WHERE k.owner = :owner "
                        + "ORDER BY k.public_key LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM ssh_keys WHERE owner = :owner", q -> q.bind("owner", owner), KEY, page);
    }

    @Override
    public boolean delete(String id) {
        return unit.write().createUpdate("DELETE FROM ssh_keys WHERE id = :id").bind("id", id).execute() > 0;
    }
}
