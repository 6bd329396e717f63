package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.BuildRepository}. */
public abstract class BuildRepositoryContract extends StoreContract {

    @Test
    void aStoredBuildComesBackWithEveryField() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Instant now = Fixtures.now();
        Build build = new Build(UUID.randomUUID(), app.id(), owner.username(), "registry/app:git-1", "abc1234",
                Map.of("web", "bin/web", "worker", "bin/worker"), "FROM scratch\n", now, now);
        write(s -> s.builds().insert(build));

        assertThat(read((Store s) -> s.builds().find(build.uuid()))).contains(build);
        assertThat(read((Store s) -> s.builds().find(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void listIsNewestFirstAndPaged() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        App other = storedApp(owner.username());
        Build first = Fixtures.build(app.id(), owner.username());
        Build second = Fixtures.build(app.id(), owner.username());
        Build third = Fixtures.build(app.id(), owner.username());
        write(s -> s.builds().insert(first));
        write(s -> s.builds().insert(second));
        write(s -> {
            s.builds().insert(third);
            s.builds().insert(Fixtures.build(other.id(), owner.username()));
        });

        assertThat(read((Store s) -> s.builds().list(app.id(), PageRequest.ALL)).results())
                .containsExactly(third, second, first);
        Page<Build> page = read((Store s) -> s.builds().list(app.id(), new PageRequest(2, 1)));
        assertThat(page.results()).containsExactly(second, first);
        assertThat(page.count()).isEqualTo(3);
        assertThat(read((Store s) -> s.builds().list(unique("none"), PageRequest.ALL)).count()).isZero();
    }
}
