package dev.drydock.core.build;

import static dev.drydock.core.release.ReleaseBench.counts;
import static dev.drydock.core.release.ReleaseBench.map;
import static dev.drydock.core.release.ReleaseBench.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.release.ReleaseBench;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BuildServiceTest {
    private static final String SHA = "060da68f654e75fac06dbedd1995d5f8ad9084db";

    private final ReleaseBench bench = new ReleaseBench();
    private final BuildService builds = bench.builds;
    private final String app = bench.app();

    private static void assertFieldErrors(ThrowingCallable call, Map<String, List<String>> errors) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(errors));
    }

    private DeployPlan lastPlan() {
        List<DeployPlan> plans = bench.scheduler.deployments(app);
        return plans.get(plans.size() - 1);
    }

    @Nested
    class Checking {
        @Test
        void anImageIsRequired() {
            assertFieldErrors(() -> builds.create(bench.owner, app, null, null, null, null),
                    Map.of("image", List.of("This field is required.")));
            assertFieldErrors(() -> builds.create(bench.owner, app, "  ", null, null, null),
                    Map.of("image", List.of("This field may not be blank.")));
        }

        @Test
        void shaHasAtMostFortyCharacters() {
            assertFieldErrors(() -> builds.create(bench.owner, app, "img", SHA + "0", null, null),
                    Map.of("sha", List.of("Ensure this field has no more than 40 characters.")));
        }

        @Test
        void procfileTypesAndCommands() {
            for (String type : List.of("worker_test", "Worker-test1", "-", "worker-", "-worker")) {
                assertFieldErrors(() -> builds.create(bench.owner, app, "img", null, map(type, "run"), null),
                        Map.of("procfile", List.of("Process types can only contain lowercase alphanumeric characters")));
            }
            assertFieldErrors(() -> builds.create(bench.owner, app, "img", null, map("web", ""), null),
                    Map.of("procfile", List.of("Command can't be empty for process type")));
        }

        @Test
        void procfileCommandsAreStrings() {
            for (Object command : List.of(List.of("bin/web"), map("cmd", "bin/web"), 5, true)) {
                assertFieldErrors(() -> builds.create(bench.owner, app, "img", null, map("web", command), null),
                        Map.of("procfile", List.of("Command must be a string for process type web")));
            }
            assertThat(builds.list(bench.owner, app, PageRequest.FIRST).count()).isZero();
            assertThat(bench.latestVersion(app)).isEqualTo(1);
        }

        @Test
        void nothingIsStoredForARefusedBuild() {
            assertThatThrownBy(() -> builds.create(bench.owner, app, null, null, map("web", ""), null))
                    .isInstanceOf(InvalidException.class);

            assertThat(builds.list(bench.owner, app, PageRequest.FIRST).count()).isZero();
            assertThat(bench.latestVersion(app)).isEqualTo(1);
        }

        @Test
        void refusesACallerWhoseAccountWasRemovedAfterTheirTokenWasChecked() {
            bench.platform.beforeNextWrite(() -> bench.platform.core.accounts().cancel(bench.admin, Optional.empty()));

            assertThatThrownBy(() -> builds.create(bench.admin, app, "example/image:1", null, null, null))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(builds.list(bench.owner, app, PageRequest.FIRST).count()).isZero();
            assertThat(bench.latestVersion(app)).isEqualTo(1);
            assertThat(bench.scheduler.deployments(app)).isEmpty();
            boolean ownsRows = bench.read(store -> store.users().ownsRecords("admin"));
            assertThat(ownsRows).as("nothing passes to a later user named admin").isFalse();
        }

        @Test
        void outsidersMayNotBuild() {
            assertThatThrownBy(() -> builds.create(bench.outsider, app, "img", null, null, null))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    class Releasing {
        @Test
        void aBuildIsReleasedWithTheLatestConfigAndDeployed() {
            bench.configs.set(bench.owner, app, values(map("A", "1")));

            Build build = builds.create(bench.mate, app, "example/image:1", null, null, null);

            assertThat(build.owner()).isEqualTo("mate");
            assertThat(build.type()).isEqualTo(dev.drydock.ports.model.BuildType.IMAGE);
            Release v3 = bench.release(app, 3);
            assertThat(v3.build()).isEqualTo(build.uuid());
            assertThat(v3.summary()).isEqualTo("mate deployed example/image:1");
            assertThat(bench.configOf(v3).values()).isEqualTo(Map.of("A", "1"));
            assertThat(lastPlan().release()).isEqualTo(v3);
            assertThat(lastPlan().build()).isEqualTo(build);
            assertThat(bench.platform.logMessages(app, 1)).containsExactly("mate deployed example/image:1");
        }

        @Test
        void aBuildpackSummaryNamesTheShortSha() {
            bench.buildpack(app, SHA, map("web", "node server.js"));

            assertThat(bench.release(app, 2).summary()).isEqualTo("owner deployed 060da68");
        }

        @Test
        void theFirstDeployGetsTheDefaultStructure() {
            assertThat(structureAfter(b -> bench.imageBuild(b))).isEqualTo(Map.of("cmd", 1));
            assertThat(structureAfter(b -> bench.buildpack(b, SHA, map("web", "a", "worker", "b"))))
                    .isEqualTo(Map.of("web", 1));
            assertThat(structureAfter(b -> bench.buildpack(b, SHA, map("worker", "b")))).isEmpty();
            assertThat(structureAfter(b -> bench.buildpack(b, SHA, Map.of()))).isEqualTo(Map.of("web", 1));
            assertThat(structureAfter(b -> builds.create(bench.owner, b, "img", SHA, null, "FROM busybox")))
                    .isEqualTo(Map.of("cmd", 1));
        }

        private Map<String, Integer> structureAfter(java.util.function.Consumer<String> build) {
            String fresh = bench.app();
            build.accept(fresh);
            App stored = bench.stored(fresh);
            List<DeployPlan> plans = bench.scheduler.deployments(fresh);
            assertThat(plans.get(plans.size() - 1).structure()).isEqualTo(stored.structure());
            return stored.structure();
        }

        @Test
        void countsAreKeptAcrossBuildsAndTypesLeftOutOfTheProcfileStop() {
            bench.buildpack(app, SHA, map("web", "a", "worker", "b", "clock", "c"));
            bench.processes.scale(bench.owner, app, counts("web", 3, "worker", 2, "clock", 1));

            bench.buildpack(app, SHA, map("web", "a2", "clock", "c2"));

            App stored = bench.stored(app);
            assertThat(stored.structure()).isEqualTo(Map.of("web", 3, "worker", 0, "clock", 1));
            assertThat(stored.procfileStructure()).isEqualTo(Map.of("web", "a2", "clock", "c2"));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 3, "clock", 1));
        }

        @Test
        void typesLeftOutOfTheProcfileAreWrittenAsZeroEvenIfNeverScaled() {
            bench.buildpack(app, SHA, map("web", "a", "worker", "b"));
            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1));

            bench.buildpack(app, SHA, map("web", "a2"));

            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1, "worker", 0));
            assertThat(lastPlan().structure()).isEqualTo(Map.of("web", 1, "worker", 0));
        }

        @Test
        void aChangeOfBuildTypeStopsCmdAndStartsTheNewDefault() {
            bench.imageBuild(app);
            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("cmd", 1));

            bench.buildpack(app, SHA, map("web", "node server.js"));

            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("cmd", 0, "web", 1));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        }

        @Test
        void aFailedDeployKeepsTheBuildAndAFailedRelease() {
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));

            assertThatThrownBy(() -> bench.imageBuild(app))
                    .isInstanceOf(InvalidException.class).hasMessage("(app::deploy): Boom!");

            Build build = builds.list(bench.owner, app, PageRequest.FIRST).results().get(0);
            Release v2 = bench.release(app, 2);
            assertThat(v2.failed()).isTrue();
            assertThat(v2.build()).isEqualTo(build.uuid());
            assertThat(v2.summary()).isEqualTo("owner deployed " + build.uuid().toString().substring(0, 7)
                    + " which failed");
            assertThat(v2.exception()).isEqualTo("error: (app::deploy): Boom!");

            bench.imageBuild(app);
            assertThat(bench.release(app, 3).failed()).isFalse();
        }

        @Test
        void aFailedDeployPutsBackTheStructureAndProcfileTheBuildChanged() {
            bench.buildpack(app, SHA, map("web", "a", "worker", "b"));
            bench.processes.scale(bench.owner, app, counts("worker", 1));
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));

            assertThatThrownBy(() -> bench.buildpack(app, SHA, map("web", "a2")))
                    .isInstanceOf(InvalidException.class).hasMessage("(app::deploy): Boom!");

            App stored = bench.stored(app);
            assertThat(stored.structure()).isEqualTo(Map.of("web", 1, "worker", 1));
            assertThat(stored.procfileStructure()).isEqualTo(Map.of("web", "a", "worker", "b"));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1, "worker", 1));
        }

        @Test
        void afterAFailedFirstDeployTheNextBuildStartsWithItsOwnDefault() {
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));
            assertThatThrownBy(() -> bench.imageBuild(app)).isInstanceOf(InvalidException.class);
            assertThat(bench.stored(app).structure()).isEmpty();
            assertThat(bench.stored(app).procfileStructure()).isEmpty();

            bench.buildpack(app, SHA, map("web", "node server.js"));

            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        }
    }

    @Nested
    class Reading {
        @Test
        void listsNewestFirstAndFindsOneByUuid() {
            Build first = bench.imageBuild(app);
            Build second = bench.buildpack(app, SHA, map("web", "a"));

            assertThat(builds.list(bench.mate, app, PageRequest.FIRST).results()).containsExactly(second, first);
            assertThat(builds.list(bench.owner, app, new PageRequest(1, 1)).results()).containsExactly(first);
            assertThat(builds.get(bench.owner, app, first.uuid().toString())).isEqualTo(first);
        }

        @Test
        void aBuildOfAnotherAppOrAnUnknownUuidIsNotFound() {
            String other = bench.app();
            Build elsewhere = bench.imageBuild(other);

            for (String uuid : List.of(elsewhere.uuid().toString(), "not-a-uuid",
                    "00000000-0000-0000-0000-000000000000")) {
                assertThatThrownBy(() -> builds.get(bench.owner, app, uuid))
                        .isInstanceOf(NotFoundException.class).hasMessage("No Build matches the given query.");
            }
        }

        @Test
        void outsidersMayNotList() {
            assertThatThrownBy(() -> builds.list(bench.outsider, app, PageRequest.FIRST))
                    .isInstanceOf(ForbiddenException.class);
        }
    }
}
