package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Scheduler}. Each test works on its own app name. It holds for an
 * asynchronous cluster: pods being removed may linger in state {@code terminating} (counts are of
 * the others), and what a scheduler finishes in the background is waited for, up to {@link #settleTime()}.
 */
public abstract class SchedulerContract {
    private static final Comparator<Pod> NEWEST_FIRST =
            Comparator.comparing(Pod::started).reversed().thenComparing(Pod::name);

    protected Scheduler scheduler;
    protected String app;

    /** The adapter under test. It may return a shared instance: tests keep apart by unique app names. */
    protected abstract Scheduler scheduler();

    /**
     * How long the tests wait for what the scheduler finishes in the background (a destroyed app's
     * pods going), and at most for a one-off command to end.
     */
    protected Duration settleTime() {
        return Duration.ofSeconds(10);
    }

    /** An image whose pods never get ready (cannot be pulled, crash), if the adapter can name one. */
    protected Optional<String> imageThatNeverStarts() {
        return Optional.empty();
    }

    @BeforeEach
    protected final void openScheduler() {
        scheduler = scheduler();
        app = unique("sched");
    }

    /** A plan for release {@code vN} of the test's app with these process counts. */
    protected final DeployPlan plan(int version, Map<String, Integer> structure) {
        String owner = "owner";
        Config config = Fixtures.config(app, owner);
        Build build = Fixtures.build(app, owner);
        Release release = Fixtures.release(app, owner, version, config, build);
        return new DeployPlan(app, release, build, config, structure, false);
    }

    /** {@link #plan(int, Map)} with a build of this image. */
    protected final DeployPlan plan(int version, Map<String, Integer> structure, String image) {
        DeployPlan plan = plan(version, structure);
        Build b = plan.build();
        Build build = new Build(b.uuid(), b.app(), b.owner(), image, b.sha(), b.procfile(), b.dockerfile(),
                b.created(), b.updated());
        return new DeployPlan(app, plan.release(), build, plan.config(), structure, false);
    }

    /** The pods that are not on their way out. */
    private List<Pod> live(List<Pod> pods) {
        return pods.stream().filter(pod -> !pod.state().equals("terminating")).toList();
    }

    /** The app's pods of a release that are not on their way out. */
    private List<Pod> live(String release, Optional<String> type) {
        return live(scheduler.pods(app, release, type));
    }

    /** Waits, up to the settle time, until the condition holds. */
    private void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + settleTime().toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + settleTime() + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    private Pattern podName(String type) {
        return Pattern.compile(Pattern.quote(app) + "-" + type + "-[0-9]{7,10}-[a-z0-9]{5}");
    }

    private static Set<String> names(List<Pod> pods) {
        return pods.stream().map(Pod::name).collect(Collectors.toSet());
    }

    @Test
    void capabilitiesAreDeclared() {
        SchedulerCapabilities capabilities = scheduler.capabilities();

        assertThat(capabilities).isNotNull();
        assertThat(capabilities.name()).isNotBlank();
    }

    @Test
    void aSpaceExistsFromCreateUntilDestroy() {
        assertThat(scheduler.exists(app)).isFalse();

        scheduler.create(app);
        assertThat(scheduler.exists(app)).isTrue();
        scheduler.create(app);
        assertThat(scheduler.exists(app)).isTrue();

        scheduler.destroy(app);
        assertThat(scheduler.exists(app)).isFalse();
        scheduler.destroy(app);
        assertThat(scheduler.exists(app)).isFalse();
    }

    @Test
    void deployMakesPodsForEveryTypeWithACount() {
        scheduler.create(app);

        scheduler.deploy(plan(2, Map.of("web", 2, "worker", 1, "clock", 0)));

        List<Pod> pods = scheduler.pods(app, "v2", Optional.empty());
        assertThat(pods).hasSize(3);
        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.release()).isEqualTo("v2");
            assertThat(pod.name()).matches(podName(pod.type()));
            assertThat(pod.state()).isNotBlank();
        });
        assertThat(pods).extracting(Pod::type).containsExactlyInAnyOrder("web", "web", "worker");
        assertThat(pods).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(names(pods)).hasSize(3);
        assertThat(scheduler.pods(app, "v2", Optional.of("web"))).hasSize(2)
                .allSatisfy(pod -> assertThat(pod.type()).isEqualTo("web"));
        assertThat(scheduler.pods(app, "v2", Optional.of("clock"))).isEmpty();
        assertThat(scheduler.pods(app, "v1", Optional.empty())).isEmpty();
    }

    @Test
    void podsOfOneReleaseAndTypeShareTheTemplateHash() {
        scheduler.deploy(plan(1, Map.of("web", 3)));

        Set<String> prefixes = scheduler.pods(app, "v1", Optional.of("web")).stream()
                .map(pod -> pod.name().substring(0, pod.name().length() - 6))
                .collect(Collectors.toSet());

        assertThat(prefixes).hasSize(1);
    }

    @Test
    void aNewReleaseReplacesThePodsOfTheOldOne() {
        scheduler.create(app);
        scheduler.deploy(plan(1, Map.of("web", 2)));

        scheduler.deploy(plan(2, Map.of("web", 1, "worker", 1)));

        assertThat(live("v1", Optional.empty())).isEmpty();
        assertThat(live("v2", Optional.empty())).extracting(Pod::type)
                .containsExactlyInAnyOrder("web", "worker");
    }

    @Test
    void scaleChangesTheCountsOfTheCurrentRelease() {
        scheduler.create(app);
        scheduler.deploy(plan(3, Map.of("web", 1, "worker", 1)));
        Set<String> before = names(scheduler.pods(app, "v3", Optional.of("web")));

        scheduler.scale(plan(3, Map.of("web", 4)));
        List<Pod> web = live("v3", Optional.of("web"));
        assertThat(web).hasSize(4).allSatisfy(pod -> assertThat(pod.name()).matches(podName("web")));
        assertThat(names(web)).containsAll(before);
        assertThat(live("v3", Optional.of("worker"))).hasSize(1);

        scheduler.scale(plan(3, Map.of("web", 1, "worker", 0)));
        assertThat(live("v3", Optional.of("web"))).hasSize(1);
        assertThat(live("v3", Optional.of("worker"))).isEmpty();

        scheduler.scale(plan(3, Map.of("web", 0)));
        assertThat(live("v3", Optional.empty())).isEmpty();
    }

    @Test
    void restartReplacesEveryPodWithNewOnes() {
        scheduler.deploy(plan(1, Map.of("web", 2, "worker", 1)));
        Set<String> before = names(scheduler.pods(app, "v1", Optional.empty()));

        List<Pod> fresh = scheduler.restart(app, "v1", Optional.empty(), Optional.empty());

        assertThat(fresh).hasSize(3).allSatisfy(pod -> assertThat(pod.release()).isEqualTo("v1"));
        assertThat(names(fresh)).doesNotContainAnyElementsOf(before);
        assertThat(names(live("v1", Optional.empty()))).isEqualTo(names(fresh));
        assertThat(fresh).extracting(Pod::type).containsExactlyInAnyOrder("web", "web", "worker");
    }

    @Test
    void restartByTypeLeavesOtherTypesAlone() {
        scheduler.deploy(plan(1, Map.of("web", 2, "worker", 1)));
        Set<String> workers = names(scheduler.pods(app, "v1", Optional.of("worker")));
        Set<String> webs = names(scheduler.pods(app, "v1", Optional.of("web")));

        List<Pod> fresh = scheduler.restart(app, "v1", Optional.of("web"), Optional.empty());

        assertThat(fresh).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.type()).isEqualTo("web");
            assertThat(pod.name()).matches(podName("web"));
        });
        assertThat(names(fresh)).doesNotContainAnyElementsOf(webs);
        assertThat(names(live("v1", Optional.of("worker")))).isEqualTo(workers);
        assertThat(names(live("v1", Optional.of("web")))).isEqualTo(names(fresh));
    }

    @Test
    void restartByNameReplacesThatPodOnly() {
        scheduler.deploy(plan(1, Map.of("web", 2)));
        List<Pod> before = scheduler.pods(app, "v1", Optional.of("web"));
        Pod target = before.get(0);
        Pod other = before.get(1);

        List<Pod> fresh = scheduler.restart(app, "v1", Optional.of("web"), Optional.of(target.name()));

        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).name()).isNotEqualTo(target.name()).matches(podName("web"));
        assertThat(names(live("v1", Optional.of("web"))))
                .containsExactlyInAnyOrder(other.name(), fresh.get(0).name());
    }

    @Test
    void restartWithNothingMatchingReturnsNothing() {
        scheduler.deploy(plan(1, Map.of("web", 1)));
        Set<String> before = names(scheduler.pods(app, "v1", Optional.empty()));

        assertThat(scheduler.restart(app, "v1", Optional.of("worker"), Optional.empty())).isEmpty();
        assertThat(scheduler.restart(app, "v1", Optional.of("web"), Optional.of(app + "-web-1234567-zzzzz")))
                .isEmpty();
        assertThat(scheduler.restart(app, "v9", Optional.empty(), Optional.empty())).isEmpty();
        assertThat(scheduler.restart(unique("nothing"), "v1", Optional.empty(), Optional.empty())).isEmpty();
        assertThat(names(scheduler.pods(app, "v1", Optional.empty()))).isEqualTo(before);
    }

    @Test
    void podsOfAnUnknownAppAreNone() {
        assertThat(scheduler.pods(unique("nothing"), "v1", Optional.empty())).isEmpty();
    }

    @Test
    void destroyRemovesThePodsInTheBackground() {
        scheduler.deploy(plan(1, Map.of("web", 2)));

        scheduler.destroy(app);

        assertThat(scheduler.exists(app)).isFalse();
        eventually("the destroyed app's pods are gone", () -> scheduler.pods(app, "v1", Optional.empty()).isEmpty());
    }

    @Test
    void anAppDestroyedAMomentAgoCanBeMadeAndDeployedAgain() {
        scheduler.deploy(plan(1, Map.of("web", 2)));
        scheduler.destroy(app);

        scheduler.create(app);

        assertThat(scheduler.exists(app)).isTrue();
        scheduler.deploy(plan(1, Map.of("web", 1)));
        assertThat(live("v1", Optional.empty())).hasSize(1);
        scheduler.destroy(app);
        scheduler.deploy(plan(2, Map.of("web", 1)));
        assertThat(scheduler.exists(app)).isTrue();
        assertThat(live("v2", Optional.empty())).hasSize(1);
    }

    @Test
    void aRolloutThatCannotStartIsUndoneAndSaysWhy() {
        Optional<String> image = imageThatNeverStarts();
        assumeTrue(image.isPresent(), "this scheduler names no image whose pods never start");
        scheduler.deploy(plan(1, Map.of("web", 2)));
        Set<String> before = names(live("v1", Optional.empty()));

        assertThatThrownBy(() -> scheduler.deploy(plan(2, Map.of("web", 2, "worker", 1), image.get())))
                .isInstanceOf(InvalidException.class).hasMessageContaining("v2");

        assertThat(names(live("v1", Optional.empty()))).isEqualTo(before);
        eventually("the failed release's pods are gone", () -> live("v2", Optional.empty()).isEmpty());
    }

    @Test
    void routeIsAccepted() {
        scheduler.create(app);

        scheduler.route(new Routing(app, List.of("www.example.com"),
                List.of(new Routing.TlsCertificate("cert", List.of("www.example.com"), "PEM", "KEY")), true));
        scheduler.route(new Routing(app, List.of(), List.of(), false));

        assertThat(scheduler.exists(app)).isTrue();
    }

    @Test
    void routingAgainAsItIsIsHarmless() {
        Routing routing = new Routing(app, List.of("www.example.com"),
                List.of(new Routing.TlsCertificate("cert", List.of("www.example.com"), "PEM", "KEY")), true);

        scheduler.route(routing);
        scheduler.route(routing);
        scheduler.create(app);
        scheduler.route(routing);
        scheduler.deploy(plan(1, Map.of("web", 1)));
        scheduler.route(routing);

        assertThat(scheduler.exists(app)).isTrue();
        assertThat(live("v1", Optional.empty())).hasSize(1);
    }

    @Test
    void routingAnAppDestroyedAMomentAgoWorks() {
        scheduler.deploy(plan(1, Map.of("web", 1)));
        scheduler.destroy(app);

        scheduler.route(new Routing(app, List.of(), List.of(), false));
        scheduler.create(app);

        assertThat(scheduler.exists(app)).isTrue();
    }

    @Test
    void aOneOffCommandEndsInBoundedTimeWithItsExitCode() {
        assumeTrue(scheduler.capabilities().runsWorkloads(), "this scheduler runs no commands");
        scheduler.deploy(plan(1, Map.of("web", 1)));

        RunResult result = assertTimeoutPreemptively(settleTime(), () -> scheduler.run(plan(1, Map.of("web", 1)),
                "echo migrating; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void noLabelsMatchAnyCluster() {
        assertThat(scheduler.nodesMatch(Map.of())).isTrue();
    }

    @Test
    void aSchedulerThatRunsNothingSaysSoWhenAskedToRun() {
        assumeFalse(scheduler.capabilities().runsWorkloads(), "this scheduler really runs commands");
        scheduler.deploy(plan(1, Map.of("web", 1)));

        RunResult result = scheduler.run(plan(1, Map.of("web", 1)), "rake db:migrate");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("rake db:migrate").containsIgnoringCase("not");
        assertThat(scheduler.logs(app, 100)).isEmpty();
    }

    @Test
    void logsOfAnUnknownAppAreEmpty() {
        assertThat(scheduler.logs(unique("nothing"), 10)).isEmpty();
    }
}
