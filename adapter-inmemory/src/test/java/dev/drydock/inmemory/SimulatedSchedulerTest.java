package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.contract.SchedulerContract;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatedSchedulerTest extends SchedulerContract {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SimulatedScheduler simulated = new SimulatedScheduler(clock);

    @Override
    protected Scheduler scheduler() {
        return simulated;
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void declaresItselfASimulationThatRunsNothing() {
        assertThat(simulated.capabilities()).isEqualTo(new SchedulerCapabilities("simulated", false));
    }

    @Test
    void theDefaultRunHandlerSaysTheCommandWasNotExecuted() {
        RunResult result = simulated.run(plan(1, Map.of("web", 1)), "python manage.py migrate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("\"python manage.py migrate\" was not executed")
                .contains("simulated").contains("runs no workloads");
    }

    @Test
    void aGivenRunHandlerAnswersCommands() {
        AtomicReference<DeployPlan> asked = new AtomicReference<>();
        SimulatedScheduler withHandler = new SimulatedScheduler(clock, List.of(), (plan, command) -> {
            asked.set(plan);
            return new RunResult(0, "ran " + command + "\n");
        });
        DeployPlan plan = plan(4, Map.of("web", 1));

        RunResult result = withHandler.run(plan, "ls");

        assertThat(result).isEqualTo(new RunResult(0, "ran ls\n"));
        assertThat(asked.get()).isEqualTo(plan);
    }

    @Test
    void podsAreUpAndStartedNowWithTheNewestFirst() {
        simulated.deploy(plan(1, Map.of("web", 1)));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        simulated.scale(plan(1, Map.of("web", 2)));

        List<Pod> pods = simulated.pods(app, "v1", Optional.empty());

        assertThat(pods).extracting(Pod::started).containsExactly(clock.instant(), first);
        assertThat(pods).extracting(Pod::state).containsOnly("up");
    }

    @Test
    void theTemplateHashIsStablePerReleaseAndType() {
        simulated.deploy(plan(1, Map.of("web", 1, "worker", 1)));
        String web1 = hashOf(simulated.pods(app, "v1", Optional.of("web")).get(0));
        String worker1 = hashOf(simulated.pods(app, "v1", Optional.of("worker")).get(0));
        String restarted = hashOf(simulated.restart(app, "v1", Optional.of("web"), Optional.empty()).get(0));

        simulated.deploy(plan(2, Map.of("web", 1)));
        String web2 = hashOf(simulated.pods(app, "v2", Optional.of("web")).get(0));

        assertThat(restarted).isEqualTo(web1);
        assertThat(worker1).isNotEqualTo(web1);
        assertThat(web2).isNotEqualTo(web1);
    }

    private static String hashOf(Pod pod) {
        String[] parts = pod.name().split("-");
        return parts[parts.length - 2];
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aScaleToMillionsCostsWhatAScaleToOneDoesAndAListBuildsOnlyThePodsAskedFor() {
        simulated.deploy(plan(1, Map.of("web", 1, "worker", 1)));

        simulated.scale(plan(1, Map.of("web", 20_000_000)));
        simulated.deploy(plan(1, Map.of("web", 20_000_000, "worker", 2)));

        assertThat(simulated.running(app)).isEqualTo(Map.of("web", 20_000_000, "worker", 2));
        List<Pod> workers = simulated.pods(app, "v1", Optional.of("worker"));
        assertThat(workers).hasSize(2);
        assertThat(simulated.restart(app, "v1", Optional.of("worker"), Optional.of(workers.get(0).name())))
                .hasSize(1);
        simulated.scale(plan(1, Map.of("web", 3)));
        assertThat(simulated.pods(app, "v1", Optional.of("web"))).hasSize(3);
    }

    @Test
    void podNamesStayUniqueAndStableThroughScalesAndRestarts() {
        simulated.deploy(plan(1, Map.of("web", 50)));
        List<Pod> first = simulated.pods(app, "v1", Optional.of("web"));
        Set<String> restarted = new HashSet<>();
        for (int i = 0; i < 50; i += 7) {
            Pod old = first.get(i);
            clock.advance(Duration.ofSeconds(1));
            Pod fresh = simulated.restart(app, "v1", Optional.of("web"), Optional.of(old.name())).get(0);
            assertThat(fresh.name()).isNotEqualTo(old.name()).matches(app + "-web-[0-9]{10}-[a-z0-9]{5}");
            assertThat(fresh.started()).isEqualTo(clock.instant());
            restarted.add(old.name());
            assertThat(simulated.restart(app, "v1", Optional.of("web"), Optional.of(old.name()))).isEmpty();
        }

        List<Pod> now = simulated.pods(app, "v1", Optional.of("web"));
        assertThat(now).hasSize(50).isEqualTo(simulated.pods(app, "v1", Optional.of("web")));
        assertThat(now.stream().map(Pod::name).distinct()).hasSize(50).doesNotContainAnyElementsOf(restarted);
        assertThat(now.subList(0, restarted.size())).allSatisfy(pod -> assertThat(pod.started()).isAfter(
                first.get(0).started()));

        simulated.scale(plan(1, Map.of("web", 10)));
        List<Pod> ten = simulated.pods(app, "v1", Optional.of("web"));
        // the newest go first
        assertThat(ten).hasSize(10).isSubsetOf(now).doesNotContainAnyElementsOf(now.subList(0, restarted.size()));
        simulated.scale(plan(1, Map.of("web", 60)));
        assertThat(simulated.pods(app, "v1", Optional.of("web")).stream().map(Pod::name).distinct())
                .hasSize(60).containsAll(ten.stream().map(Pod::name).toList());
    }

    @Test
    void deployAndScaleMakeTheSpaceWhenMissing() {
        simulated.deploy(plan(1, Map.of("web", 1)));
        assertThat(simulated.exists(app)).isTrue();

        simulated.destroy(app);
        simulated.scale(plan(1, Map.of("web", 2)));
        assertThat(simulated.exists(app)).isTrue();
        assertThat(simulated.running(app)).isEqualTo(Map.of("web", 2));
    }

    @Test
    void deploymentsAndRunningShowWhatWasAsked() {
        DeployPlan v1 = plan(1, Map.of("web", 2, "worker", 0));
        DeployPlan v2 = plan(2, Map.of("web", 1, "worker", 3));

        simulated.deploy(v1);
        simulated.deploy(v2);

        assertThat(simulated.deployments(app)).containsExactly(v1, v2);
        assertThat(simulated.running(app)).isEqualTo(Map.of("web", 1, "worker", 3));
        assertThat(simulated.running("never-made")).isEmpty();
        assertThat(simulated.deployments("never-made")).isEmpty();
    }

    @Test
    void aFailedDeployChangesNothingAndOnlyTheNextDeployFails() {
        DeployPlan v1 = plan(1, Map.of("web", 2));
        simulated.deploy(v1);
        List<Pod> before = simulated.pods(app, "v1", Optional.empty());

        simulated.failNext(Operation.DEPLOY, DrydockException.invalid("image not found"));
        assertThatThrownBy(() -> simulated.deploy(plan(2, Map.of("web", 1))))
                .isInstanceOf(InvalidException.class).hasMessage("image not found");

        assertThat(simulated.pods(app, "v1", Optional.empty())).isEqualTo(before);
        assertThat(simulated.pods(app, "v2", Optional.empty())).isEmpty();
        assertThat(simulated.deployments(app)).containsExactly(v1);

        simulated.deploy(plan(2, Map.of("web", 1)));
        assertThat(simulated.pods(app, "v2", Optional.empty())).hasSize(1);
    }

    @Test
    void aFailedScaleChangesNothingAndOnlyTheNextScaleFails() {
        simulated.deploy(plan(1, Map.of("web", 1)));

        simulated.failNext(Operation.SCALE, DrydockException.unavailable("cluster unreachable"));
        assertThatThrownBy(() -> simulated.scale(plan(1, Map.of("web", 5))))
                .isInstanceOf(UnavailableException.class).hasMessage("cluster unreachable");
        assertThat(simulated.running(app)).isEqualTo(Map.of("web", 1));

        simulated.scale(plan(1, Map.of("web", 5)));
        assertThat(simulated.running(app)).isEqualTo(Map.of("web", 5));
    }

    /** Everything a test can see of the app, to check that a failed call left it as it was. */
    private record Seen(boolean exists, List<DeployPlan> deployments, Map<String, Integer> running,
            List<Pod> pods, Optional<Routing> routing) {
    }

    private Seen seen() {
        return new Seen(simulated.hasSpace(app), simulated.deployments(app), simulated.running(app),
                simulated.pods(app, "v1", Optional.empty()), simulated.routing(app));
    }

    private void call(Operation operation) {
        call(operation, app);
    }

    private void call(Operation operation, String target) {
        switch (operation) {
            case EXISTS -> simulated.exists(target);
            case CREATE -> simulated.create(target);
            case DESTROY -> simulated.destroy(target);
            case DEPLOY -> simulated.deploy(planFor(target, Map.of("web", 3)));
            case SCALE -> simulated.scale(planFor(target, Map.of("web", 4)));
            case RESTART -> simulated.restart(target, "v1", Optional.empty(), Optional.empty());
            case RUN -> simulated.run(planFor(target, Map.of("web", 1)), "ls");
            case ROUTE -> simulated.route(new Routing(target, List.of("b.example.com"), List.of(), true));
        }
    }

    /** A release-1 plan like {@link #plan}, for any app. */
    private DeployPlan planFor(String target, Map<String, Integer> structure) {
        DeployPlan plan = plan(1, structure);
        return new DeployPlan(target, plan.release(), plan.build(), plan.config(), plan.structure(), plan.force());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void eachOperationCanBeMadeToFailOnceWithoutChangingAnything(Operation operation) {
        simulated.deploy(plan(1, Map.of("web", 2)));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        Seen before = seen();
        RuntimeException error = DrydockException.unavailable(operation + " failed on purpose");

        simulated.failNext(operation, error);

        assertThatThrownBy(() -> call(operation)).isSameAs(error);
        assertThat(seen()).isEqualTo(before);
        call(operation);
        call(operation);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void theCallAfterTheFailedOneTakesEffect(Operation operation) {
        simulated.deploy(plan(1, Map.of("web", 2)));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        Seen before = seen();
        simulated.failNext(operation, new IllegalStateException("connection refused"));
        assertThatThrownBy(() -> call(operation)).isInstanceOf(IllegalStateException.class);

        call(operation);

        Seen after = seen();
        switch (operation) {
            case EXISTS, CREATE, RUN -> assertThat(after).isEqualTo(before);
            case DESTROY -> assertThat(after.exists()).isFalse();
            case DEPLOY -> assertThat(after.deployments()).hasSize(2);
            case SCALE -> assertThat(after.running()).isEqualTo(Map.of("web", 4));
            case RESTART -> assertThat(after.pods()).hasSize(2).doesNotContainAnyElementsOf(before.pods());
            case ROUTE -> assertThat(after.routing()).map(Routing::httpsEnforced).contains(true);
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void anActionRunsOnceAtTheStartOfTheNextCallOutsideTheSchedulersLock(Operation operation) {
        simulated.deploy(plan(1, Map.of("web", 2)));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        Seen before = seen();
        List<Seen> seenByAction = new java.util.ArrayList<>();
        List<Boolean> lockHeld = new java.util.ArrayList<>();

        simulated.beforeNext(operation, () -> {
            lockHeld.add(Thread.holdsLock(simulated));
            seenByAction.add(seen());
        });
        call(operation);
        call(operation);

        assertThat(lockHeld).containsExactly(false);
        assertThat(seenByAction).containsExactly(before);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void aFailureForOneAppLetsOtherAppsThroughAndWaitsForThatApp(Operation operation) {
        String other = app + "-other";
        simulated.deploy(plan(1, Map.of("web", 2)));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        Seen before = seen();
        RuntimeException error = DrydockException.unavailable(operation + " failed on purpose");

        simulated.failNext(operation, app, error);
        call(operation, other);
        call(operation, other);

        assertThat(seen()).isEqualTo(before);
        assertThatThrownBy(() -> call(operation)).isSameAs(error);
        assertThat(seen()).isEqualTo(before);
        call(operation);
    }

    @Test
    void aFailureForTheAppIsThrownBeforeOneForAnyAppWhichWaitsForTheNextCall() {
        String other = app + "-other";
        simulated.failNext(Operation.DEPLOY, DrydockException.invalid("any app"));
        simulated.failNext(Operation.DEPLOY, app, DrydockException.invalid("this app"));

        assertThatThrownBy(() -> simulated.deploy(plan(1, Map.of("web", 1)))).hasMessage("this app");
        assertThatThrownBy(() -> simulated.deploy(plan(1, Map.of("web", 1)))).hasMessage("any app");
        simulated.deploy(plan(1, Map.of("web", 1)));

        simulated.failNext(Operation.DEPLOY, DrydockException.invalid("any app"));
        simulated.failNext(Operation.DEPLOY, app, DrydockException.invalid("this app"));
        assertThatThrownBy(() -> simulated.deploy(planFor(other, Map.of("web", 1)))).hasMessage("any app");
        assertThatThrownBy(() -> simulated.deploy(plan(2, Map.of("web", 1)))).hasMessage("this app");
        simulated.deploy(planFor(other, Map.of("web", 1)));
        assertThat(simulated.deployments(app)).hasSize(1);
        assertThat(simulated.deployments(other)).hasSize(1);
    }

    @Test
    void aLaterFailureForTheSameAppReplacesTheEarlierOneAndLeavesOtherAppsAlone() {
        String other = app + "-other";
        simulated.failNext(Operation.DESTROY, app, DrydockException.unavailable("first"));
        simulated.failNext(Operation.DESTROY, other, DrydockException.unavailable("for the other"));
        simulated.failNext(Operation.DESTROY, app, DrydockException.unavailable("second"));

        assertThatThrownBy(() -> simulated.destroy(app)).hasMessage("second");
        simulated.destroy(app);
        assertThatThrownBy(() -> simulated.destroy(other)).hasMessage("for the other");
        simulated.destroy(other);
    }

    @Test
    void aCreateFailureForOneAppAndAFailureAfterTheSpaceReplaceEachOther() {
        simulated.failNext(Operation.CREATE, app, DrydockException.unavailable("early"));
        simulated.failNextCreateAfterSpace(DrydockException.unavailable("late"));
        assertThatThrownBy(() -> simulated.create(app)).hasMessage("late");
        assertThat(simulated.exists(app)).isTrue();
        simulated.destroy(app);

        simulated.failNextCreateAfterSpace(DrydockException.unavailable("late"));
        simulated.failNext(Operation.CREATE, app, DrydockException.unavailable("early"));
        assertThatThrownBy(() -> simulated.create(app)).hasMessage("early");
        assertThat(simulated.exists(app)).isFalse();
        simulated.create(app);
        assertThat(simulated.exists(app)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void anActionForOneAppRunsOnceAtTheStartOfThatAppsNextCallOnly(Operation operation) {
        String other = app + "-other";
        simulated.deploy(plan(1, Map.of("web", 2)));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        Seen before = seen();
        List<Seen> seenByAction = new java.util.ArrayList<>();
        List<Boolean> lockHeld = new java.util.ArrayList<>();

        simulated.beforeNext(operation, app, () -> {
            lockHeld.add(Thread.holdsLock(simulated));
            seenByAction.add(seen());
        });
        call(operation, other);
        assertThat(seenByAction).isEmpty();
        call(operation);
        call(operation);

        assertThat(lockHeld).containsExactly(false);
        assertThat(seenByAction).containsExactly(before);
    }

    @Test
    void aCallWithAnActionForItsAppAndOneForAnyAppRunsBothItsAppsFirst() {
        List<String> ran = new java.util.ArrayList<>();
        simulated.beforeNext(Operation.ROUTE, () -> ran.add("any app"));
        simulated.beforeNext(Operation.ROUTE, app, () -> ran.add("this app"));

        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));

        assertThat(ran).containsExactly("this app", "any app");
    }

    @Test
    void anActionRunsBeforeAFailureOfTheSameCall() {
        AtomicInteger ran = new AtomicInteger();
        simulated.failNext(Operation.DEPLOY, DrydockException.invalid("image not found"));
        simulated.beforeNext(Operation.DEPLOY, ran::incrementAndGet);

        assertThatThrownBy(() -> simulated.deploy(plan(1, Map.of("web", 1)))).hasMessage("image not found");
        assertThat(ran).hasValue(1);
    }

    @Test
    void aFailureWaitsForItsOwnOperation() {
        simulated.create(app);
        simulated.failNext(Operation.DEPLOY, DrydockException.invalid("image not found"));

        simulated.scale(plan(1, Map.of("web", 1)));
        simulated.route(new Routing(app, List.of("a.example.com"), List.of(), false));
        simulated.restart(app, "v1", Optional.empty(), Optional.empty());
        simulated.create(app);

        assertThatThrownBy(() -> simulated.deploy(plan(2, Map.of("web", 1)))).hasMessage("image not found");
    }

    @Test
    void aLaterFailureForTheSameOperationReplacesTheEarlierOne() {
        simulated.failNext(Operation.DESTROY, DrydockException.unavailable("first"));
        simulated.failNext(Operation.DESTROY, DrydockException.unavailable("second"));

        assertThatThrownBy(() -> simulated.destroy(app)).hasMessage("second");
        simulated.destroy(app);
    }

    @Test
    void aFailedRunDoesNotReachTheRunHandler() {
        AtomicInteger runs = new AtomicInteger();
        SimulatedScheduler withHandler = new SimulatedScheduler(clock, null, (plan, command) -> {
            runs.incrementAndGet();
            return new RunResult(0, "");
        });
        withHandler.failNext(Operation.RUN, DrydockException.unavailable("no pod could be started"));

        assertThatThrownBy(() -> withHandler.run(plan(1, Map.of("web", 1)), "ls"))
                .isInstanceOf(UnavailableException.class);
        assertThat(runs).hasValue(0);
        assertThat(withHandler.run(plan(1, Map.of("web", 1)), "ls").exitCode()).isZero();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aCreateCanFailAfterMakingTheSpace() {
        RuntimeException error = DrydockException.unavailable("service could not be made");
        simulated.failNextCreateAfterSpace(error);

        assertThatThrownBy(() -> simulated.create(app)).isSameAs(error);
        assertThat(simulated.exists(app)).isTrue();

        simulated.create(app);
        assertThat(simulated.exists(app)).isTrue();
    }

    @Test
    void aCreateFailureOfOneKindReplacesTheOther() {
        simulated.failNextCreateAfterSpace(DrydockException.unavailable("late"));
        simulated.failNext(Operation.CREATE, DrydockException.unavailable("early"));
        assertThatThrownBy(() -> simulated.create(app)).hasMessage("early");
        assertThat(simulated.exists(app)).isFalse();
        simulated.create(app);

        String other = app + "-2";
        simulated.failNext(Operation.CREATE, DrydockException.unavailable("early"));
        simulated.failNextCreateAfterSpace(DrydockException.unavailable("late"));
        assertThatThrownBy(() -> simulated.create(other)).hasMessage("late");
        assertThat(simulated.exists(other)).isTrue();
        simulated.create(other);
    }

    @Test
    void routingKeepsTheLatestAndGoesWithTheApp() {
        simulated.create(app);
        Routing first = new Routing(app, List.of("a.example.com"), List.of(), false);
        Routing second = new Routing(app, List.of("a.example.com", "b.example.com"), List.of(), true);

        simulated.route(first);
        simulated.route(second);
        assertThat(simulated.routing(app)).contains(second);

        simulated.destroy(app);
        assertThat(simulated.routing(app)).isEmpty();
    }

    @Test
    void withoutANodeListAnyLabelsMatch() {
        assertThat(simulated.nodesMatch(Map.of("disk", "ssd", "zone", "nowhere"))).isTrue();
    }

    @Test
    void withANodeListSomeNodeMustCarryEveryLabel() {
        SimulatedScheduler cluster = new SimulatedScheduler(clock,
                List.of(Map.of("disk", "ssd", "zone", "a"), Map.of("disk", "hdd", "zone", "b")),
                SimulatedScheduler.NOT_EXECUTED);

        assertThat(cluster.nodesMatch(Map.of())).isTrue();
        assertThat(cluster.nodesMatch(Map.of("disk", "ssd"))).isTrue();
        assertThat(cluster.nodesMatch(Map.of("disk", "hdd", "zone", "b"))).isTrue();
        assertThat(cluster.nodesMatch(Map.of("disk", "ssd", "zone", "b"))).isFalse();
        assertThat(cluster.nodesMatch(Map.of("gpu", "yes"))).isFalse();
        assertThat(new SimulatedScheduler(clock, List.of(), SimulatedScheduler.NOT_EXECUTED)
                .nodesMatch(Map.of("disk", "ssd"))).isFalse();
    }

    @Test
    void logsAreAlwaysEmpty() {
        simulated.deploy(plan(1, Map.of("web", 1)));

        assertThat(simulated.logs(app, 100)).isEmpty();
    }

    @Test
    void nullNodesAcceptAnyLabelsAndANullHandlerIsTheDefault() {
        SimulatedScheduler onlyHandler = new SimulatedScheduler(clock, null, (plan, command) -> new RunResult(0, ""));
        SimulatedScheduler onlyNodes = new SimulatedScheduler(clock, List.of(Map.of("disk", "ssd")), null);

        assertThat(onlyHandler.nodesMatch(Map.of("gpu", "yes"))).isTrue();
        assertThat(onlyNodes.nodesMatch(Map.of("gpu", "yes"))).isFalse();
        assertThat(onlyNodes.run(plan(1, Map.of("web", 1)), "ls").exitCode()).isEqualTo(1);
    }
}
