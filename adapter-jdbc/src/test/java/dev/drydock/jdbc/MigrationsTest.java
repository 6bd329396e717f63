package dev.drydock.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void serversStartingTogetherOnAFreshDatabaseMigrateItOnce() throws Exception {
        String url = TestDatabases.freshPostgresDatabase();
        int servers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        List<JdbcStorage> opened = new ArrayList<>();
        try {
            List<Future<JdbcStorage>> starts = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                starts.add(pool.submit((Callable<JdbcStorage>) () -> {
                    go.await();
                    return JdbcStorage.open(url, "postgres", "", JdbcStorage.Options.DEFAULT);
                }));
            }
            go.countDown();
            for (Future<JdbcStorage> start : starts) {
                opened.add(start.get(2, TimeUnit.MINUTES));
            }

            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version, count(*) FROM flyway_schema_history "
                         + "WHERE version IS NOT NULL GROUP BY version")) {
                List<String> applied = new ArrayList<>();
                while (rs.next()) {
                    applied.add(rs.getString(1) + " x" + rs.getLong(2));
                }
                assertThat(applied).containsExactly("1 x1");
            }
            User user = Fixtures.user(Fixtures.unique("migrated"));
            opened.get(0).transactions().writeVoid(store -> store.users().insert(user));
            assertThat(opened.get(servers - 1).transactions().read((Store store) -> store.users().find(user.username())))
                    .contains(user);
        } finally {
            pool.shutdownNow();
            opened.forEach(JdbcStorage::close);
        }
    }

    @Test
    void aDatabaseANewerDrydockWroteIsRefusedWithAClearMessage() throws Exception {
        String url = TestDatabases.freshPostgresDatabase();
        JdbcStorage.open(url, "postgres", "", JdbcStorage.Options.DEFAULT).close();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) VALUES (99, '999', 'from the future', 'SQL', "
                    + "'V999__from_the_future.sql', 0, 'postgres', now(), 1, true)");
        }

        assertThatThrownBy(() -> JdbcStorage.open(url, "postgres", "", JdbcStorage.Options.DEFAULT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was written by a newer Drydock")
                .hasMessageContaining("version 999")
                .hasMessageContaining("knows versions up to 1");
    }

    @Test
    void anH2FileKeepsItsDataWhenClosedAndOpenedAgain() {
        User user = Fixtures.user(Fixtures.unique("kept"));
        try (JdbcStorage storage = JdbcStorage.h2(dir)) {
            storage.transactions().writeVoid(store -> store.users().insert(user));
            storage.appLog().record("some-app", Fixtures.now(), "kept line");
        }
        assertThat(Files.exists(dir.resolve("drydock.mv.db"))).as("the database file").isTrue();

        try (JdbcStorage again = JdbcStorage.h2(dir)) {
            assertThat(again.transactions().read((Store store) -> store.users().find(user.username()))).contains(user);
            assertThat(again.appLog().tail("some-app", 5)).extracting(e -> e.message()).containsExactly("kept line");
        }
    }

    @Test
    void theDescriptionNeverShowsAPassword() {
        String url = TestDatabases.postgresUrl() + "&password=hunter2";
        try (JdbcStorage storage = JdbcStorage.open(url, "postgres", "secret-from-env", JdbcStorage.Options.DEFAULT)) {
            assertThat(storage.description()).doesNotContain("hunter2").doesNotContain("secret-from-env")
                    .contains("as postgres");
            assertThat(storage.product()).isEqualTo("PostgreSQL");
        }
    }
}
