package dev.drydock.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default store's file under a steady stream of small writes, as a busy server makes them. */
class H2FileTest {
    @TempDir
    Path dir;

    @Test
    void aStreamOfSmallWritesKeepsTheFileNearTheSizeOfItsData() throws Exception {
        int releases = 3000;
        try (JdbcStorage storage = JdbcStorage.h2(dir)) {
            User owner = Fixtures.user(Fixtures.unique("owner"));
            App app = Fixtures.app(Fixtures.unique("busy"), owner.username());
            storage.transactions().writeVoid(s -> {
                s.users().insert(owner);
                s.apps().insert(app);
            });
            for (int v = 1; v <= releases; v++) {
                int version = v;
                storage.transactions().writeVoid((Store s) -> {
                    s.apps().lock(app.id()).orElseThrow();
                    Config config = Fixtures.config(app.id(), owner.username(), Map.of("N", String.valueOf(version)));
                    s.configs().insert(config);
                    s.releases().insert(Fixtures.release(app.id(), owner.username(), version, config, null));
                });
                storage.appLog().record(app.id(), Fixtures.now(), "owner added N");
            }
            assertThat(storage.transactions().read((Store s) -> s.releases().maxVersion(app.id()))).isEqualTo(releases);
        }

        // about 5 MB here; with H2's WRITE_DELAY=0 it was 150 MB, with a retention time of 1 s 63 MB
        assertThat(Files.size(dir.resolve("drydock.mv.db"))).as("bytes on disk").isLessThan(20L * 1024 * 1024);
    }
}
