package dev.drydock.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings;
import dev.drydock.jdbc.TestDatabases;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Registration;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** An embedder's choice of store: what one Drydock stored, the next one on the same store has. */
class EmbeddedStoresTest {
    private static final Settings FAST = Settings.defaults().withPasswordIterations(1000);

    @TempDir
    Path dir;

    @Test
    void anH2DirectoryKeepsEverythingForTheNextDrydock() {
        String token;
        try (Drydock first = Drydock.h2(dir).settings(FAST).build()) {
            assertThat(first.storage()).contains("H2").contains(dir.toAbsolutePath().toString());
            first.accounts().register(Optional.empty(), new Registration("ada", "correct horse", null, null, null));
            token = first.accounts().login("ada", "correct horse");
            first.apps().create(first.accounts().authenticate(token), Optional.of("web-shop"));
        }

        try (Drydock second = Drydock.h2(dir).settings(FAST).build()) {
            Caller ada = second.accounts().authenticate(token);
            assertThat(second.apps().list(ada, PageRequest.FIRST).results()).extracting(app -> app.id())
                    .containsExactly("web-shop");
            assertThat(second.releases().list(ada, "web-shop", PageRequest.FIRST).count()).isEqualTo(1);
        }
    }

    @Test
    void anH2DirectoryServesOneDrydockAtATime() {
        try (Drydock first = Drydock.h2(dir).settings(FAST).build()) {
            assertThatThrownBy(() -> Drydock.h2(dir).settings(FAST).build())
                    .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void anEmbeddersDataSourceWorksLikeAUrl() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabases.freshPostgresDatabase());
        dataSource.setUser("postgres");
        try (Drydock drydock = Drydock.jdbc(dataSource).settings(FAST).build()) {
            assertThat(drydock.storage()).contains("DataSource");
            drydock.accounts().register(Optional.empty(), new Registration("bob", "correct horse", null, null, null));
            Caller bob = drydock.accounts().authenticate(drydock.accounts().login("bob", "correct horse"));
            drydock.apps().create(bob, Optional.of("shop"));

            assertThat(drydock.apps().get(bob, "shop").owner()).isEqualTo("bob");
        }
    }
}
