package dev.drydock.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.contract.SchedulerContract;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Scheduler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metered scheduler keeps the contract of the one it wraps, and counts what it was asked. */
class MeteredSchedulerTest extends SchedulerContract {
    private final SimulatedScheduler simulated = new SimulatedScheduler(Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredScheduler metered = new MeteredScheduler(simulated, registry);

    @Override
    protected Scheduler scheduler() {
        return metered;
    }

    private long deploys(String kind, String outcome) {
        Timer timer = registry.find(MeteredScheduler.DEPLOYS).tag("kind", kind).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private long calls(String operation, String outcome) {
        Timer timer = registry.find(MeteredScheduler.CALLS).tag("operation", operation).tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double errors(String operation, String error) {
        Counter counter = registry.find(MeteredScheduler.ERRORS).tag("operation", operation).tag("error", error)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void deploysRollbacksAndFailedDeploysAreCountedAndTimedApart() {
        metered.create(app);
        DeployPlan v1 = plan(1, Map.of("web", 1));
        metered.deploy(v1);
        metered.deploy(plan(2, Map.of("web", 1)));
        simulated.failNext(Operation.DEPLOY, DrydockException.unavailable("cluster unreachable"));
        assertThatThrownBy(() -> metered.deploy(plan(3, Map.of("web", 1))))
                .hasMessage("cluster unreachable");
        DeployPlan rollback = new DeployPlan(app, v1.release(), v1.build(), v1.config(), v1.structure(), true);
        metered.deploy(rollback);

        assertThat(deploys("deploy", "ok")).isEqualTo(2);
        assertThat(deploys("deploy", "failed")).isEqualTo(1);
        assertThat(deploys("rollback", "ok")).isEqualTo(1);
        assertThat(deploys("rollback", "failed")).isZero();
        assertThat(registry.find(MeteredScheduler.DEPLOYS).timers())
                .allSatisfy(timer -> assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive());
        // every deploy is a scheduler call too, and the failed one an error of its kind
        assertThat(calls("deploy", "ok")).isEqualTo(3);
        assertThat(calls("deploy", "error")).isEqualTo(1);
        assertThat(errors("deploy", "UnavailableException")).isEqualTo(1);
        assertThat(simulated.deployments(app)).hasSize(3);
    }

    @Test
    void eachOperationIsTimedUnderItsOwnNameAndErrorsPassThroughUnchanged() {
        metered.create(app);
        metered.deploy(plan(1, Map.of("web", 2)));
        metered.scale(plan(1, Map.of("web", 3)));
        assertThat(metered.pods(app, "v1", Optional.empty())).hasSize(3);
        metered.logs(app, 10);
        assertThat(metered.exists(app)).isTrue();
        assertThat(metered.nodesMatch(Map.of())).isTrue();
        RuntimeException refused = DrydockException.invalid("no such process type");
        simulated.failNext(Operation.RESTART, refused);
        assertThatThrownBy(() -> metered.restart(app, "v1", Optional.of("worker"), Optional.empty()))
                .isSameAs(refused);
        metered.destroy(app);

        for (String operation : new String[] {"create", "deploy", "scale", "pods", "logs", "exists", "nodes_match",
            "destroy"}) {
            assertThat(calls(operation, "ok")).as(operation).isEqualTo(1);
        }
        assertThat(calls("restart", "ok")).isZero();
        assertThat(calls("restart", "error")).isEqualTo(1);
        assertThat(errors("restart", "InvalidException")).isEqualTo(1);
        assertThat(registry.find(MeteredScheduler.DEPLOYS).timers()).hasSize(1);
        assertThat(metered.capabilities()).isEqualTo(simulated.capabilities());
        assertThat(metered.unwrap()).isSameAs(simulated);
    }
}
