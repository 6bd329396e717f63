package dev.drydock.jdbc.internal;

import dev.drydock.ports.error.DrydockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Database errors turned into the port's error family at the adapter's edge. Unique and foreign
 * key violations are told apart by constraint name; the repositories give them the messages the
 * in-memory store gives.
 */
public final class Errors {
    /** What the store says while the database cannot be reached or is overloaded. */
    public static final String UNAVAILABLE = "The database is not available right now; try again shortly";
    static final String BUSY = "The database was too busy to finish this change; try again";

    // every named constraint of the schema, to find it in H2's messages, which carry no name field
    private static final Set<String> CONSTRAINTS = Set.of(
            "users_pk", "users_username_unique", "named_locks_pk", "tokens_pk", "tokens_user_fk",
            "apps_pk", "apps_uuid_unique", "apps_owner_fk", "app_deploys_pk", "grants_pk", "grants_app_fk", "grants_user_fk",
            "ssh_keys_pk", "ssh_keys_public_unique", "ssh_keys_owner_fingerprint_unique", "ssh_keys_owner_fk",
            "configs_pk", "configs_uuid_unique", "configs_app_fk", "configs_owner_fk",
            "builds_pk", "builds_uuid_unique", "builds_app_fk", "builds_owner_fk",
            "releases_pk", "releases_app_version", "releases_app_fk", "releases_owner_fk",
            "certificates_pk", "certificates_name_unique", "certificates_owner_fk",
            "domains_pk", "domains_app_fk", "domains_owner_fk", "domains_certificate_fk",
            "tls_pk", "tls_uuid_unique", "tls_app_fk", "tls_owner_fk");

    private Errors() {
    }

    /** The kinds of database error that callers act on. */
    enum Kind {
        /** a unique or primary key violation */
        UNIQUE,
        /** a row refers to a parent that is not there */
        PARENT_MISSING,
        /** a parent was to be removed while rows still refer to it */
        CHILD_EXISTS,
        /** a deadlock or serialisation failure: the whole write may be run again */
        RETRY,
        /** the database cannot be reached, refuses connections, or a wait for it timed out */
        UNAVAILABLE,
        /** a value too long or too large for its column */
        TOO_LONG,
        OTHER
    }

    /** A database error, classified, with the constraint it names (lower case), if any. */
    record Failure(Kind kind, Optional<String> constraint, SQLException cause) {
        boolean is(String name) {
            return constraint.filter(name::equals).isPresent();
        }
    }

    /** The SQL error behind a runtime exception from JDBI or the pool, classified; none if there is none. */
    static Optional<Failure> failure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(classify(sql));
            }
        }
        return Optional.empty();
    }

    private static Failure classify(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return new Failure(Kind.UNAVAILABLE, Optional.empty(), e);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Kind kind = switch (state) {
            case "23505" -> Kind.UNIQUE;
            // PostgreSQL uses 23503 both ways and tells them apart in the message; H2 has 23506 for a missing parent
            case "23503" -> isPostgres(e) && !message(e).contains("update or delete on table") ? Kind.PARENT_MISSING
                    : Kind.CHILD_EXISTS;
            case "23506" -> Kind.PARENT_MISSING;
            // serialisation failure and deadlock (both databases)
            case "40001", "40P01" -> Kind.RETRY;
            // PostgreSQL: lock_not_available, too many connections, shutting down, cannot connect now; H2: lock timeout
            // statement timeout; H2: database closed, connection broken
            case "55P03", "53300", "57P01", "57P02", "57P03", "57014", "HYT00", "50200", "90098", "90067" ->
                    Kind.UNAVAILABLE;
            // value too long (both), index row too large (PostgreSQL)
            case "22001", "54000" -> Kind.TOO_LONG;
            default -> state.startsWith("08") ? Kind.UNAVAILABLE : Kind.OTHER;
        };
        return new Failure(kind, constraint(e), e);
    }

    private static boolean isPostgres(SQLException e) {
        return e instanceof PSQLException;
    }

    private static String message(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    private static Optional<String> constraint(SQLException e) {
        if (e instanceof PSQLException pg) {
            ServerErrorMessage server = pg.getServerErrorMessage();
            if (server != null && server.getConstraint() != null) {
                return Optional.of(server.getConstraint().toLowerCase(Locale.ROOT));
            }
        }
        String text = message(e).toLowerCase(Locale.ROOT);
        // the longest name that occurs, so "apps_pk" does not match inside "apps_pk_extra"
        return CONSTRAINTS.stream().filter(text::contains).max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    /**
     * The error a caller of the port sees for a database failure that no repository gave a better
     * meaning; anything that is not the database's fault goes on as it is.
     */
    public static RuntimeException translate(RuntimeException thrown) {
        if (thrown instanceof DrydockException) {
            return thrown;
        }
        Optional<Failure> failure = failure(thrown);
        if (failure.isEmpty()) {
            return thrown;
        }
        return switch (failure.get().kind()) {
            case UNAVAILABLE -> DrydockException.unavailable(UNAVAILABLE, thrown);
            case RETRY -> DrydockException.unavailable(BUSY, thrown);
            case UNIQUE -> DrydockException.conflict("This already exists: another request stored it first");
            case PARENT_MISSING -> DrydockException.conflict(
                    "Something this change refers to was removed by another request; try again");
            case CHILD_EXISTS -> DrydockException.conflict(
                    "This is still in use by other records, some of them made by another request meanwhile");
            case TOO_LONG -> DrydockException.invalid("A value is too long to be stored");
            case OTHER -> thrown;
        };
    }
}
