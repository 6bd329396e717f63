package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.ReleaseRepository}. */
public abstract class ReleaseRepositoryContract extends StoreContract {

    private record Setup(User owner, App app, Config config, Build build) {
    }

    private Setup setup() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = storedConfig(app);
        Build build = Fixtures.build(app.id(), owner.username());
        write(s -> s.builds().insert(build));
        return new Setup(owner, app, config, build);
    }

    private Release release(Setup setup, int version) {
        return Fixtures.release(setup.app().id(), setup.owner().username(), version, setup.config(),
                version == 1 ? null : setup.build());
    }

    @Test
    void aStoredReleaseIsFoundByAppAndVersion() {
        Setup setup = setup();
        Release v1 = release(setup, 1);
        Release v2 = release(setup, 2);
        write(s -> {
            s.releases().insert(v1);
            s.releases().insert(v2);
        });

        assertThat(read((Store s) -> s.releases().find(setup.app().id(), 1))).contains(v1);
        assertThat(read((Store s) -> s.releases().find(setup.app().id(), 2))).contains(v2);
        assertThat(read((Store s) -> s.releases().find(setup.app().id(), 3))).isEmpty();
        assertThat(read((Store s) -> s.releases().find(unique("none"), 1))).isEmpty();
    }

    @Test
    void aTakenVersionConflictsWithinOneAppOnly() {
        Setup one = setup();
        Setup two = setup();
        Release v1 = release(one, 1);
        write(s -> s.releases().insert(v1));

        assertThatThrownBy(() -> write(s -> s.releases().insert(release(one, 1))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Release v1 of " + one.app().id() + " already exists.");
        assertThat(read((Store s) -> s.releases().find(one.app().id(), 1))).contains(v1);

        Release otherV1 = release(two, 1);
        write(s -> s.releases().insert(otherV1));
        assertThat(read((Store s) -> s.releases().find(two.app().id(), 1))).contains(otherV1);
    }

    @Test
    void maxVersionCountsFailedReleasesAndIsZeroWithoutAny() {
        Setup setup = setup();
        assertThat(read((Store s) -> s.releases().maxVersion(setup.app().id()))).isZero();

        write(s -> {
            s.releases().insert(release(setup, 1));
            s.releases().insert(release(setup, 2));
            s.releases().insert(release(setup, 3).asFailed("failed", "boom", Fixtures.now()));
        });

        assertThat(read((Store s) -> s.releases().maxVersion(setup.app().id()))).isEqualTo(3);
    }

    @Test
    void updateMarksAReleaseFailedAndLatestSucceededSkipsIt() {
        Setup setup = setup();
        Release v1 = release(setup, 1);
        Release v2 = release(setup, 2);
        write(s -> {
            s.releases().insert(v1);
            s.releases().insert(v2);
        });
        assertThat(read((Store s) -> s.releases().latestSucceeded(setup.app().id()))).contains(v2);

        Release failed = v2.asFailed("alice deployed v2 (failed)", "deploy went wrong", Fixtures.now());
        write(s -> s.releases().update(failed));

        assertThat(read((Store s) -> s.releases().find(setup.app().id(), 2))).contains(failed);
        assertThat(read((Store s) -> s.releases().latestSucceeded(setup.app().id()))).contains(v1);
        assertThat(read((Store s) -> s.releases().latestSucceeded(unique("none")))).isEmpty();
    }

    @Test
    void updatingAMissingReleaseIsNotFound() {
        Setup setup = setup();
        write(s -> s.releases().insert(release(setup, 1)));

        assertThatThrownBy(() -> write(s -> s.releases().update(release(setup, 2))))
                .isInstanceOf(NotFoundException.class);
        assertThat(read((Store s) -> s.releases().maxVersion(setup.app().id()))).isEqualTo(1);
    }

    @Test
    void listIsNewestFirstWithFailedOnesAndPaged() {
        Setup setup = setup();
        Release v1 = release(setup, 1);
        Release v2 = release(setup, 2).asFailed("failed", "boom", Fixtures.now());
        Release v3 = release(setup, 3);
        write(s -> {
            s.releases().insert(v1);
            s.releases().insert(v2);
            s.releases().insert(v3);
        });

        assertThat(read((Store s) -> s.releases().list(setup.app().id(), PageRequest.ALL)).results())
                .containsExactly(v3, v2, v1);
        Page<Release> page = read((Store s) -> s.releases().list(setup.app().id(), new PageRequest(1, 2)));
        assertThat(page.results()).containsExactly(v1);
        assertThat(page.count()).isEqualTo(3);
        assertThat(read((Store s) -> s.releases().list(unique("none"), PageRequest.ALL)).count()).isZero();
    }
}
