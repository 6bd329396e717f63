package dev.drydock.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.k8s.testing.StandInCluster;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.contract.SchedulerContract;
import dev.drydock.ports.spi.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduler contract on the Kubernetes scheduler, against the fabric8 mock with a stand-in
 * cluster whose destroyed namespaces stay terminating for a while, and short timeouts.
 */
@Timeout(60)
class KubernetesSchedulerContractTest extends SchedulerContract {
    private static MockApiServer server;
    private static StandInCluster cluster;
    private static KubernetesScheduler scheduler;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        cluster = StandInCluster.start(server.client(), Duration.ofMillis(300));
        scheduler = new KubernetesScheduler(server.client(), Duration.ofSeconds(5), Duration.ofMillis(20))
                .withRuns(Duration.ofSeconds(5), KubernetesSchedulerContractTest::suffix);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        server.close();
    }

    // five base-36 digits, as the scheduler's own run pod names have
    private static String suffix() {
        return Long.toString(60_466_176L + ThreadLocalRandom.current().nextLong(60_466_176L * 35), 36).substring(1);
    }

    @Override
    protected Scheduler scheduler() {
        return scheduler;
    }

    @Override
    protected Optional<String> imageThatNeverStarts() {
        return Optional.of("registry.example.com/never:pull-fails");
    }

    // Beyond the contract: the paths of a wait that only a cluster that runs pods can take.

    @Test
    void aCrashLoopingRolloutIsUndoneWithTheReason() {
        scheduler.deploy(plan(1, Map.of("web", 1)));

        assertThatThrownBy(() -> scheduler.deploy(plan(2, Map.of("web", 1), "registry.example.com/x:crashes")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("CrashLoopBackOff");
        assertThat(scheduler.pods(app, "v1", Optional.empty())).extracting(Pod::state).containsExactly("up");
    }

    @Test
    void aRolloutNotReadyInTimeIsUndoneThoughTheOldPodsAreStillUp() {
        KubernetesScheduler impatient = new KubernetesScheduler(server.client(), Duration.ofMillis(400),
                Duration.ofMillis(20));
        impatient.deploy(plan(1, Map.of("web", 1)));

        assertThatThrownBy(() -> impatient.deploy(plan(2, Map.of("web", 1), "registry.example.com/x:slow-2")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("not ready within");
        assertThat(scheduler.pods(app, "v1", Optional.empty())).extracting(Pod::state).containsExactly("up");

        cluster.release("slow-3");
        impatient.deploy(plan(3, Map.of("web", 1), "registry.example.com/x:slow-3"));
        assertThat(scheduler.pods(app, "v3", Optional.empty())).extracting(Pod::state).containsExactly("up");
    }

    @Test
    void aOneOffCommandOfAnAppDestroyedAMomentAgoRunsOnceItsOldNamespaceIsGone() {
        scheduler.deploy(plan(1, Map.of("web", 1)));
        scheduler.destroy(app);

        assertThat(scheduler.run(plan(1, Map.of()), "exit 4").exitCode()).isEqualTo(4);
        assertThat(scheduler.exists(app)).isTrue();
    }

    @Test
    void makingAnAppWhoseOldNamespaceOutlastsTheWaitIsUnavailable() {
        KubernetesScheduler impatient = new KubernetesScheduler(server.client(), Duration.ofMillis(50),
                Duration.ofMillis(10));
        scheduler.deploy(plan(1, Map.of("web", 1)));
        scheduler.destroy(app);

        assertThatThrownBy(() -> impatient.create(app)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("namespace " + app).hasMessageContaining("still terminating");
        scheduler.create(app);
        assertThat(scheduler.exists(app)).isTrue();
    }

    @Test
    void routingAnAppWhoseOldNamespaceIsTerminatingAnswersAtOnceAndTheNewNamespaceGetsIt() throws Exception {
        KubernetesScheduler routed = new KubernetesScheduler(server.client(), KubernetesSettings.defaults()
                .withDeployTimeout(Duration.ofSeconds(5)).withPoll(Duration.ofMillis(20))
                .withPlatformDomain("apps.example.test"));
        routed.deploy(plan(1, Map.of("web", 1)));
        routed.destroy(app);

        long start = System.nanoTime();
        routed.route(new dev.drydock.ports.spi.Routing(app, java.util.List.of(app, "www.example.com"),
                java.util.List.of(), true));
        // a database write waits for this: not for the 300 ms the old namespace takes to go
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));

        routed.create(app);

        var ingress = new io.kubernetes.client.openapi.apis.NetworkingV1Api(server.client())
                .readNamespacedIngress(app, app).execute();
        assertThat(ingress.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(ingress.getSpec().getRules()).extracting(rule -> rule.getHost())
                .containsExactly(app + ".apps.example.test", "www.example.com");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry(KubernetesSettings.DEFAULT_HTTPS_ANNOTATION, "true");
    }

    // the pods of one release, as the scheduler lists them while it waits for a rollout
    private String podsOfRelease(int version) {
        return "/api/v1/namespaces/" + app + "/pods?labelSelector=app%3D" + app + "%2Cversion%3Dv" + version;
    }

    @Test
    void anApiServerThatFailsAFewLooksDuringARolloutDoesNotFailTheDeploy() {
        scheduler.deploy(plan(1, Map.of("web", 1)));
        server.failGets(podsOfRelease(2), 3);

        scheduler.deploy(plan(2, Map.of("web", 1)));

        assertThat(scheduler.pods(app, "v2", Optional.empty())).extracting(Pod::state).containsExactly("up");
    }

    @Test
    void anApiServerThatStopsAnsweringMidDeployIsUnavailableAndTheReleaseIsRolledBack() throws Exception {
        KubernetesScheduler impatient = new KubernetesScheduler(server.client(), Duration.ofMillis(500),
                Duration.ofMillis(20));
        impatient.deploy(plan(1, Map.of("web", 1)));
        server.failGets(podsOfRelease(2), -1);

        assertThatThrownBy(() -> impatient.deploy(plan(2, Map.of("web", 1))))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("Kubernetes failed while deploying v2")
                .hasMessageContaining("rolled back to what ran before");
        var web = new io.kubernetes.client.openapi.apis.AppsV1Api(server.client())
                .readNamespacedDeployment(app + "-web", app).execute();
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v1");
    }

    @Test
    void aDeployInterruptedByAStoppingServerStillRollsBack() throws Exception {
        scheduler.deploy(plan(1, Map.of("web", 1)));
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread deploy = new Thread(() -> {
            try {
                scheduler.deploy(plan(2, Map.of("web", 1), "registry.example.com/x:slow-interrupted"));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        deploy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scheduler.pods(app, "v2", Optional.empty()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        deploy.interrupt();
        deploy.join(10_000);

        assertThat(outcome.get()).isInstanceOf(InvalidException.class).hasMessageContaining("interrupted")
                .hasMessageContaining("rolled back");
        var web = new io.kubernetes.client.openapi.apis.AppsV1Api(server.client())
                .readNamespacedDeployment(app + "-web", app).execute();
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v1");
    }
}
