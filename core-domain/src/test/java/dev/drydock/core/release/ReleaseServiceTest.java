package dev.drydock.core.release;

import static dev.drydock.core.release.ReleaseBench.map;
import static dev.drydock.core.release.ReleaseBench.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReleaseServiceTest {
    private final ReleaseBench bench = new ReleaseBench();
    private final ReleaseService releases = bench.releases;
    private final String app = bench.app();

    private List<Integer> versions() {
        return releases.list(bench.owner, app, PageRequest.FIRST).results().stream().map(Release::version).toList();
    }

    private void assertRefused(int version, String message) {
        int before = bench.latestVersion(app);
        assertThatThrownBy(() -> releases.rollback(bench.owner, app, version))
                .isInstanceOf(InvalidException.class).hasMessage(message);
        assertThat(bench.latestVersion(app)).isEqualTo(before);
    }

    @Nested
    class Reading {
        @Test
        void listsNewestFirstWithFailedReleases() {
            bench.imageBuild(app);
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("no"));
            assertThatThrownBy(() -> bench.configs.set(bench.owner, app, values(map("A", "1"))))
                    .isInstanceOf(InvalidException.class);
            bench.configs.set(bench.owner, app, values(map("B", "1")));

            assertThat(versions()).containsExactly(4, 3, 2, 1);
            assertThat(releases.get(bench.mate, app, 3).failed()).isTrue();
            assertThat(releases.get(bench.owner, app, 1).summary()).isEqualTo("owner created initial release");
        }

        @Test
        void anUnknownVersionIsNotFound() {
            assertThatThrownBy(() -> releases.get(bench.owner, app, 7))
                    .isInstanceOf(NotFoundException.class).hasMessage("No Release matches the given query.");
        }

        @Test
        void outsidersMayNotLook() {
            assertThatThrownBy(() -> releases.list(bench.outsider, app, PageRequest.FIRST))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> releases.get(bench.outsider, app, 1)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    class RollingBack {
        @Test
        void byDefaultGoesBackToTheReleaseBeforeTheLatestGoodOne() {
            Build first = bench.imageBuild(app);
            bench.configs.set(bench.owner, app, values(map("A", "1")));

            int version = releases.rollback(bench.mate, app);

            assertThat(version).isEqualTo(4);
            Release v4 = bench.release(app, 4);
            Release v2 = bench.release(app, 2);
            assertThat(v4.summary()).isEqualTo("mate rolled back to v2");
            assertThat(v4.owner()).isEqualTo("mate");
            assertThat(v4.build()).isEqualTo(first.uuid());
            assertThat(v4.config()).isEqualTo(v2.config());
            assertThat(bench.configs.get(bench.owner, app).values()).isEmpty();
            List<DeployPlan> plans = bench.scheduler.deployments(app);
            DeployPlan last = plans.get(plans.size() - 1);
            assertThat(last.release()).isEqualTo(v4);
            assertThat(last.force()).isTrue();
            assertThat(bench.platform.logMessages(app, 1)).containsExactly("mate rolled back to v2");
        }

        @Test
        void refusesACallerDeactivatedAfterTheirTokenWasChecked() {
            bench.imageBuild(app);
            bench.configs.set(bench.owner, app, values(map("A", "1")));
            List<DeployPlan> deployed = bench.scheduler.deployments(app);
            bench.platform.beforeNextWrite(() -> bench.platform.deactivate("mate"));

            assertThatThrownBy(() -> releases.rollback(bench.mate, app))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(bench.latestVersion(app)).isEqualTo(3);
            assertThat(bench.configs.get(bench.owner, app).values()).isEqualTo(Map.of("A", "1"));
            assertThat(bench.scheduler.deployments(app)).isEqualTo(deployed);
        }

        @Test
        void toANamedVersion() {
            bench.imageBuild(app);
            bench.configs.set(bench.owner, app, values(map("A", "1")));
            bench.configs.set(bench.owner, app, values(map("B", "1")));

            assertThat(releases.rollback(bench.owner, app, 3)).isEqualTo(5);
            assertThat(bench.configs.get(bench.owner, app).values()).isEqualTo(Map.of("A", "1"));
        }

        @Test
        void toAConfigOnlyReleaseDeploysNothing() {
            bench.configs.set(bench.owner, app, values(map("A", "1")));
            bench.configs.set(bench.owner, app, values(map("B", "1")));

            assertThat(releases.rollback(bench.owner, app)).isEqualTo(4);
            assertThat(bench.release(app, 4).build()).isNull();
            assertThat(bench.scheduler.deployments(app)).isEmpty();
        }

        @Test
        void theAppAndTheCallerAreCheckedBeforeTheVersion() {
            assertThatThrownBy(() -> releases.rollback(bench.owner, "nope", 0))
                    .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
            assertThatThrownBy(() -> releases.rollback(bench.outsider, app, 0))
                    .isInstanceOf(ForbiddenException.class);
        }

        @Test
        void toAReleaseWithoutABuildFromOneWithABuildFailsAndKeepsAFailedRelease() {
            bench.configs.set(bench.mate, app, values(map("A", "1")));
            bench.imageBuild(app);
            List<DeployPlan> deployed = bench.scheduler.deployments(app);

            assertThatThrownBy(() -> releases.rollback(bench.mate, app, 2))
                    .isInstanceOf(InvalidException.class).hasMessage("No build associated with this release");

            Release v4 = bench.release(app, 4);
            assertThat(v4.failed()).isTrue();
            assertThat(v4.build()).isNull();
            assertThat(v4.summary()).isEqualTo("owner performed roll back to a release that failed");
            assertThat(v4.exception()).isEqualTo("error: No build associated with this release");
            assertThat(bench.scheduler.deployments(app)).isEqualTo(deployed);
            assertThat(bench.read(store -> store.releases().latestSucceeded(app)).orElseThrow().version())
                    .isEqualTo(3);
            assertThat(bench.platform.logMessages(app, 1)).containsExactly(
                    "owner performed roll back to a release that failed: No build associated with this release");
        }

        @Test
        void refusesBadTargets() {
            bench.imageBuild(app);
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("no"));
            assertThatThrownBy(() -> bench.imageBuild(app)).isInstanceOf(InvalidException.class);
            bench.imageBuild(app);

            assertRefused(0, "version cannot be below 0");
            assertRefused(-4, "version cannot be below 0");
            assertRefused(1, "Cannot roll back to initial release.");
            assertRefused(99, "Release matching query does not exist.");
            assertRefused(3, "Cannot roll back to failed release.");
        }

        @Test
        void theDefaultTargetOfAFreshAppIsRefused() {
            assertThatThrownBy(() -> releases.rollback(bench.owner, app))
                    .isInstanceOf(InvalidException.class).hasMessage("version cannot be below 0");
        }

        @Test
        void aFailedDeployKeepsAFailedRollbackRelease() {
            bench.imageBuild(app);
            bench.configs.set(bench.mate, app, values(map("A", "1")));
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));

            assertThatThrownBy(() -> releases.rollback(bench.owner, app))
                    .isInstanceOf(InvalidException.class).hasMessage("(app::deploy): Boom!");

            Release v4 = bench.release(app, 4);
            assertThat(v4.failed()).isTrue();
            assertThat(v4.summary()).isEqualTo("mate performed roll back to a release that failed");
            assertThat(bench.configs.get(bench.owner, app).values()).isEqualTo(Map.of("A", "1"));
        }

        @Test
        void outsidersMayNotRollBack() {
            assertThatThrownBy(() -> releases.rollback(bench.outsider, app))
                    .isInstanceOf(ForbiddenException.class);
        }
    }
}
