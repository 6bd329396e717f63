package dev.drydock.core.process;

import static dev.drydock.core.release.ReleaseBench.counts;
import static dev.drydock.core.release.ReleaseBench.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Competitor;
import dev.drydock.core.Settings;
import dev.drydock.core.release.Current;
import dev.drydock.core.release.Releaser;
import dev.drydock.core.release.ReleaseBench;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProcessServiceTest {
    private static final String SHA = "ecdff91c57a0b9ab82e89634df87e293d259a3aa";

    private final ReleaseBench bench = new ReleaseBench();
    private final ProcessService processes = bench.processes;
    private final String app = bench.app();

    private void deployWebAndWorker() {
        bench.buildpack(app, SHA, map("web", "node server.js", "worker", "node worker.js"));
    }

    private void assertScaleRefused(Map<String, Integer> counts, String message) {
        assertThatThrownBy(() -> processes.scale(bench.owner, app, counts))
                .isInstanceOf(InvalidException.class).hasMessage(message);
    }

    @Nested
    class Scaling {
        @Test
        void needsABuild() {
            assertScaleRefused(counts("web", 1), "No build associated with this release");
            assertScaleRefused(counts("web", -1), "No build associated with this release");
        }

        @Test
        void countsMustNotBeBelowZeroNorMissing() {
            deployWebAndWorker();

            assertScaleRefused(counts("web", -1), "Invalid scaling format: ['Must be greater than or equal to zero']");
            assertScaleRefused(counts("worker", null),
                    "Invalid scaling format: the count of worker must be a whole number, not None");
            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1));
        }

        @Test
        void countsAboveTheLimitPerTypeAreRefusedAndNeitherStoredNorScheduled() {
            deployWebAndWorker();

            for (int huge : List.of(101, 1_000_000, Integer.MAX_VALUE)) {
                assertScaleRefused(counts("worker", 1, "web", huge),
                        "Invalid scaling format: ['Ensure this value is less than or equal to 100.']");
            }
            // the limit is told before a count below zero, whatever the order
            assertScaleRefused(counts("worker", -1, "web", 101),
                    "Invalid scaling format: ['Ensure this value is less than or equal to 100.']");

            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1));
            processes.scale(bench.owner, app, counts("web", 100));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 100));
        }

        @Test
        void theLimitPerTypeIsASetting() {
            ReleaseBench small = new ReleaseBench(Settings.defaults()
                    .withLimits(Settings.Limits.defaults().withProcessesPerType(3)));
            String id = small.app();
            small.buildpack(id, SHA, map("web", "node server.js"));

            assertThatThrownBy(() -> small.processes.scale(small.owner, id, counts("web", 4)))
                    .isInstanceOf(InvalidException.class)
                    .hasMessage("Invalid scaling format: ['Ensure this value is less than or equal to 3.']");
            small.processes.scale(small.owner, id, counts("web", 3));
            assertThat(small.scheduler.running(id)).isEqualTo(Map.of("web", 3));
        }

        @Test
        void typesMustBeInTheProcfileExceptCmd() {
            deployWebAndWorker();

            assertThatThrownBy(() -> processes.scale(bench.owner, app, counts("clock", 1)))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("Container type clock does not exist in application");
            processes.scale(bench.owner, app, counts("cmd", 1));
            assertThat(bench.stored(app).structure()).containsEntry("cmd", 1);
        }

        @Test
        void storesTheStructureScalesAndLogs() {
            deployWebAndWorker();

            processes.scale(bench.mate, app, counts("worker", 1, "web", 3));

            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 3, "worker", 1));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 3, "worker", 1));
            assertThat(bench.platform.logMessages(app, 1)).containsExactly("mate scaled pods web=3 worker=1");
        }

        @Test
        void scalingToTheSameCountsIsANoOp() {
            deployWebAndWorker();
            List<String> before = bench.platform.logMessages(app, 100);

            processes.scale(bench.owner, app, counts("web", 1));
            processes.scale(bench.owner, app, Map.of());

            assertThat(bench.platform.logMessages(app, 100)).isEqualTo(before);
        }

        @Test
        void aSchedulerFailureRestoresTheStoredStructure() {
            deployWebAndWorker();
            processes.scale(bench.owner, app, counts("web", 2));
            bench.scheduler.failNext(Operation.SCALE, DrydockException.unavailable("quota exceeded"));

            assertThatThrownBy(() -> processes.scale(bench.owner, app, counts("web", 5, "worker", 2)))
                    .isInstanceOf(UnavailableException.class).hasMessage("(scale): quota exceeded");

            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 2));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 2));
        }

        @Test
        void aScaleReachesTheSchedulerOnlyAfterADeployThatIsRunning() {
            deployWebAndWorker();
            AtomicReference<Competitor> scaler = new AtomicReference<>();
            // the deploy has read the structure; a scale heads for the scheduler meanwhile
            bench.scheduler.beforeNext(Operation.DEPLOY, () ->
                    scaler.set(Competitor.start(() -> processes.scale(bench.owner, app, counts("web", 3)))));

            bench.configs.set(bench.owner, app, ReleaseBench.values(map("A", "1")));

            assertThat(scaler.get().finish()).isNull();
            assertThat(bench.stored(app).structure()).containsEntry("web", 3);
            assertThat(bench.scheduler.running(app)).containsEntry("web", 3);
        }

        @Test
        void aFailedScaleRestoresNoStructureADeployAlreadyRan() {
            deployWebAndWorker();
            UUID uuid = bench.stored(app).uuid();
            Releaser.Staged redeploy = bench.platform.tx.write((Store store) -> {
                App stored = store.apps().find(app).orElseThrow();
                Release current = Current.release(store, app).orElseThrow();
                return bench.releaser.stage(store, stored, "owner", Current.build(store, current).orElseThrow(),
                        Current.config(store, app), current, "owner redeployed", false, "owner redeployed, failed");
            });
            bench.scheduler.failNext(Operation.SCALE, app, DrydockException.unavailable("quota exceeded"));

            // the deploy takes the app's monitor first and runs while the scale waits for it
            Competitor scaler = bench.releaser.exclusively(uuid, () -> {
                Competitor waiting = Competitor.start(() -> processes.scale(bench.owner, app, counts("web", 5)));
                bench.releaser.publish(redeploy);
                return waiting;
            });

            assertThat(scaler.finish()).isInstanceOf(UnavailableException.class).hasMessage("(scale): quota exceeded");
            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        }

        @Test
        void aScaleWaitingWhileTheAppIsDestroyedAndMadeAgainLeavesTheNewAppAlone() {
            deployWebAndWorker();
            UUID uuid = bench.stored(app).uuid();

            // the destroy takes the app's monitor first; the scale has found the app and waits for it
            Competitor scaler = bench.releaser.exclusively(uuid, () -> {
                Competitor waiting = Competitor.start(() -> processes.scale(bench.owner, app, counts("web", 3)));
                bench.platform.core.apps().destroy(bench.owner, app);
                bench.platform.core.apps().create(bench.owner, Optional.of(app));
                deployWebAndWorker();
                return waiting;
            });

            assertThat(scaler.finish()).isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
            assertThat(bench.stored(app).uuid()).isNotEqualTo(uuid);
            assertThat(bench.stored(app).structure()).isEqualTo(Map.of("web", 1));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        }

        @Test
        void outsidersMayNotScale() {
            deployWebAndWorker();
            assertThatThrownBy(() -> processes.scale(bench.outsider, app, counts("web", 2)))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    class Pods {
        @Test
        void listsThePodsOfTheLatestGoodRelease() {
            deployWebAndWorker();
            processes.scale(bench.owner, app, counts("web", 2, "worker", 1));

            List<Pod> all = processes.pods(bench.mate, app, Optional.empty(), Optional.empty());
            assertThat(all).hasSize(3).allSatisfy(pod -> assertThat(pod.release()).isEqualTo("v2"));
            assertThat(processes.pods(bench.owner, app, Optional.of("web"), Optional.empty()))
                    .hasSize(2).allSatisfy(pod -> assertThat(pod.type()).isEqualTo("web"));

            Pod worker = processes.pods(bench.owner, app, Optional.of("worker"), Optional.empty()).get(0);
            assertThat(processes.pods(bench.owner, app, Optional.of("worker"), Optional.of(worker.name())))
                    .containsExactly(worker);
            assertThat(processes.pods(bench.owner, app, Optional.of("web"), Optional.of("nope"))).isEmpty();
        }

        @Test
        void aFailedReleaseDoesNotChangeWhichPodsAreListed() {
            deployWebAndWorker();
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("no"));
            assertThatThrownBy(() -> bench.configs.set(bench.owner, app, ReleaseBench.values(map("A", "1"))))
                    .isInstanceOf(InvalidException.class);

            assertThat(processes.pods(bench.owner, app, Optional.empty(), Optional.empty()))
                    .extracting(Pod::release).containsOnly("v2");
        }

        @Test
        void restartsAllOneTypeOrOnePod() {
            deployWebAndWorker();
            processes.scale(bench.owner, app, counts("web", 2, "worker", 1));
            List<Pod> before = processes.pods(bench.owner, app, Optional.empty(), Optional.empty());

            List<Pod> all = processes.restart(bench.owner, app, Optional.empty(), Optional.empty());
            assertThat(all).hasSize(3).extracting(Pod::name).doesNotContainAnyElementsOf(
                    before.stream().map(Pod::name).toList());

            assertThat(processes.restart(bench.owner, app, Optional.of("worker"), Optional.empty()))
                    .hasSize(1).allSatisfy(pod -> assertThat(pod.type()).isEqualTo("worker"));

            Pod web = processes.pods(bench.owner, app, Optional.of("web"), Optional.empty()).get(0);
            String shortName = web.name().substring(app.length() + 1);
            assertThat(shortName.chars().filter(c -> c == '-').count()).isEqualTo(2);
            List<Pod> restarted = processes.restart(bench.owner, app, Optional.of("web"), Optional.of(shortName));
            assertThat(restarted).hasSize(1);
            assertThat(processes.pods(bench.owner, app, Optional.empty(), Optional.empty()))
                    .extracting(Pod::name).doesNotContain(web.name()).hasSize(3);

            assertThat(processes.restart(bench.owner, app, Optional.of("clock"), Optional.empty())).isEmpty();
        }
    }

    @Nested
    class Running {
        private final List<String> commands = new ArrayList<>();
        private final ReleaseBench runner = new ReleaseBench(Settings.defaults(), List.of(), (plan, command) -> {
            if (command.equals("explode")) {
                throw DrydockException.unavailable("pod never started");
            }
            commands.add(plan.release().name() + ": " + command);
            return new RunResult(0, "ran " + command + "\n");
        });
        private final String runApp = runner.app();

        @Test
        void needsACommand() {
            for (String command : new String[] {null, ""}) {
                assertThatThrownBy(() -> runner.processes.run(runner.owner, runApp, command))
                        .isInstanceOf(InvalidException.class).hasMessage("command is a required field");
            }
        }

        @Test
        void aCommandOfBlanksIsPassedOn() {
            runner.imageBuild(runApp);

            assertThat(runner.processes.run(runner.owner, runApp, "   ")).isEqualTo(new RunResult(0, "ran    \n"));
            assertThat(commands).containsExactly("v2:    ");
        }

        @Test
        void needsABuild() {
            assertThatThrownBy(() -> runner.processes.run(runner.owner, runApp, "ls"))
                    .isInstanceOf(InvalidException.class)
                    .hasMessage("No build associated with this release to run this command");
        }

        @Test
        void runsInTheLatestGoodRelease() {
            runner.imageBuild(runApp);

            RunResult result = runner.processes.run(runner.mate, runApp, "rake db:migrate");

            assertThat(result).isEqualTo(new RunResult(0, "ran rake db:migrate\n"));
            assertThat(commands).containsExactly("v2: rake db:migrate");
            assertThat(runner.platform.logMessages(runApp, 1)).containsExactly("mate runs 'rake db:migrate'");
        }

        @Test
        void aSchedulerFailureIsUnavailable() {
            runner.imageBuild(runApp);

            assertThatThrownBy(() -> runner.processes.run(runner.owner, runApp, "explode"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage(runApp + "-run (run): pod never started");
        }
    }

    @Nested
    class Logs {
        @Test
        void areTheAppsEventLinesStampedWithTheClockAndEachEndingInANewline() {
            processes.logs(bench.owner, app, 100);
            bench.configs.set(bench.owner, app, ReleaseBench.values(map("A", "1")));

            // TestPlatform.NOW, the fixed clock every event was recorded with
            String stamp = "2024-03-01T10:15:30Z drycc[api]: ";
            assertThat(processes.logs(bench.mate, app, 100))
                    .isEqualTo(stamp + "owner created initial release\n"
                            + stamp + "User mate was granted access to " + app + "\n"
                            + stamp + "owner added A\n");
            assertThat(processes.logs(bench.owner, app, 1)).isEqualTo(stamp + "owner added A\n");
        }

        @Test
        void showEachEventAtTheSecondItWasRecordedInUtc() {
            bench.platform.log.forget(app);
            bench.platform.log.record(app, Instant.parse("2016-09-02T16:51:14.987Z"), "test created initial release");
            bench.platform.log.record(app, Instant.parse("2016-09-02T18:01:02Z"), "test scaled pods web=2");

            assertThat(processes.logs(bench.owner, app, 100)).isEqualTo(
                    "2016-09-02T16:51:14Z drycc[api]: test created initial release\n"
                            + "2016-09-02T18:01:02Z drycc[api]: test scaled pods web=2\n");
        }

        @Test
        void areEmptyWhenThereIsNothing() {
            bench.platform.log.forget(app);

            assertThat(processes.logs(bench.owner, app, 100)).isEmpty();
        }

        @Test
        void outsidersMayNotRead() {
            assertThatThrownBy(() -> processes.logs(bench.outsider, app, 100)).isInstanceOf(ForbiddenException.class);
        }
    }
}
