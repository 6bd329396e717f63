package dev.drydock.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReleaserTest {
    private static final String SHA = "060da68f654e75fac06dbedd1995d5f8ad9084db";
    private final ReleaseBench bench = new ReleaseBench();
    private final Releaser releaser = bench.releaser;

    @Test
    void deploysOfOneAppReachTheSchedulerInReleaseOrder() {
        String app = bench.app();
        bench.imageBuild(app);
        Releaser.Staged older = bench.platform.tx.write((Store store) -> stageValue(store, app, "A"));
        Releaser.Staged newer = bench.platform.tx.write((Store store) -> stageValue(store, app, "B"));

        // the newer request's deploy gets to the scheduler first
        releaser.publish(newer);
        releaser.publish(older);

        List<Integer> deployed = bench.scheduler.deployments(app).stream()
                .map(DeployPlan::release).map(Release::version).toList();
        assertThat(deployed).endsWith(newer.release().version()).doesNotContain(older.release().version());
        assertThat(bench.scheduler.deployments(app).get(deployed.size() - 1).config().values())
                .containsKeys("A", "B");
        assertThat(bench.release(app, older.release().version()).failed()).isFalse();
    }

    @Test
    void aReCreatedAppStartsItsReleaseOrderAfresh() {
        String app = bench.app();
        bench.imageBuild(app);
        bench.configs.set(bench.owner, app, ReleaseBench.values(Map.of("A", "1")));
        bench.platform.core.apps().destroy(bench.owner, app);

        bench.platform.core.apps().create(bench.owner, java.util.Optional.of(app));
        Build build = bench.imageBuild(app);

        assertThat(bench.scheduler.deployments(app)).last()
                .satisfies(plan -> assertThat(plan.build().uuid()).isEqualTo(build.uuid()));
    }

    @Test
    void aDeployRunsTheStructureAsItIsWhenTheDeployStarts() {
        String app = bench.app();
        bench.buildpack(app, SHA, ReleaseBench.map("web", "a", "worker", "b"));
        Releaser.Staged staged = bench.platform.tx.write((Store store) -> stageValue(store, app, "A"));

        // a scale commits between the release's write and its deploy
        bench.processes.scale(bench.owner, app, ReleaseBench.counts("worker", 2));
        releaser.publish(staged);

        assertThat(bench.scheduler.deployments(app)).last()
                .satisfies(plan -> assertThat(plan.structure()).isEqualTo(Map.of("web", 1, "worker", 2)));
        assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1, "worker", 2));
    }

    @Test
    void aFailedDeployLeavesAStructureThatChangedSinceItsReleaseAlone() {
        String app = bench.app();
        bench.imageBuild(app);
        Build buildpack = new Build(UUID.randomUUID(), app, "owner", "slug", SHA, Map.of("web", "node server.js"), "",
                bench.platform.clock.instant(), bench.platform.clock.instant());
        Releaser.Staged staged = bench.platform.tx.write((Store store) -> {
            store.builds().insert(buildpack);
            Release base = store.releases().latestSucceeded(app).orElseThrow();
            return releaser.stage(store, store.apps().find(app).orElseThrow(), "owner", buildpack,
                    store.configs().find(base.config()).orElseThrow(), base, null, false, "owner deployed it which failed");
        });
        assertThat(bench.stored(app).structure()).isEqualTo(Map.of("cmd", 0, "web", 1));
        bench.processes.scale(bench.owner, app, ReleaseBench.counts("web", 2));
        bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));

        assertThatThrownBy(() -> releaser.publish(staged)).hasMessage("(app::deploy): Boom!");

        assertThat(bench.release(app, staged.release().version()).failed()).isTrue();
        assertThat(bench.stored(app).structure()).isEqualTo(Map.of("cmd", 0, "web", 2));
    }

    @Test
    void aFailedReleaseOfADestroyedAppLeavesTheReleaseOfTheAppMadeAgainUnderItsNameAlone() {
        String app = bench.app();
        Releaser.Staged required = bench.platform.tx.write((Store store) -> {
            Release base = store.releases().latestSucceeded(app).orElseThrow();
            return releaser.stage(store, store.apps().find(app).orElseThrow(), "owner", null,
                    store.configs().find(base.config()).orElseThrow(), base, "owner rolled back to v1", false,
                    "owner rolled back which failed").deployRequired();
        });
        bench.platform.core.apps().destroy(bench.owner, app);
        bench.platform.core.apps().create(bench.owner, java.util.Optional.of(app));
        bench.configs.set(bench.owner, app, ReleaseBench.values(Map.of("A", "1")));
        Release v2 = bench.release(app, 2);

        assertThatThrownBy(() -> releaser.publish(required)).hasMessage(Releaser.NO_BUILD);

        assertThat(bench.release(app, 2)).isEqualTo(v2);
        assertThat(bench.platform.logMessages(app, 100)).noneMatch(line -> line.contains("which failed"));
    }

    @Test
    void destroyingAnAppForgetsItsDeploys() {
        String app = bench.app();
        bench.imageBuild(app);
        UUID uuid = bench.stored(app).uuid();
        assertThat(bench.platform.deployLock.holding(uuid, DeployLock.Deploys::newest)).isEqualTo(2);

        bench.platform.core.apps().destroy(bench.owner, app);

        assertThat(bench.platform.deployLock.holding(uuid, DeployLock.Deploys::newest)).isZero();
    }

    @Test
    void aDeployThatAnotherServerReplacedIsSkipped() {
        String app = bench.app();
        bench.imageBuild(app);
        // a second server: its own releaser on the same store and deploy lock
        Releaser second = new Releaser(bench.platform.transactions, bench.scheduler, bench.platform.deployLock,
                bench.platform.log, bench.platform.clock);
        Releaser.Staged older = bench.platform.tx.write((Store store) -> stageValue(store, app, "A"));
        Releaser.Staged newer = bench.platform.tx.write((Store store) -> stageValue(second, store, app, "B"));

        second.publish(newer);
        releaser.publish(older);

        List<Integer> deployed = bench.scheduler.deployments(app).stream()
                .map(DeployPlan::release).map(Release::version).toList();
        assertThat(deployed).endsWith(newer.release().version()).doesNotContain(older.release().version());
        UUID uuid = bench.stored(app).uuid();
        assertThat(bench.platform.deployLock.holding(uuid, DeployLock.Deploys::newest))
                .isEqualTo(newer.release().version());
    }

    private Releaser.Staged stageValue(Store store, String appId, String key) {
        return stageValue(releaser, store, appId, key);
    }

    private static Releaser.Staged stageValue(Releaser releaser, Store store, String appId, String key) {
        App app = store.apps().find(appId).orElseThrow();
        Release base = store.releases().latestSucceeded(appId).orElseThrow();
        Build build = store.builds().find(base.build()).orElseThrow();
        Config previous = store.configs().find(base.config()).orElseThrow();
        Map<String, Object> values = new HashMap<>(previous.values());
        values.put(key, "1");
        Config config = new Config(UUID.randomUUID(), appId, "owner", values, previous.memory(), previous.cpu(),
                previous.tags(), previous.registry(), previous.healthcheck(), previous.lifecyclePostStart(),
                previous.lifecyclePreStop(), previous.terminationGracePeriod(), previous.created(),
                previous.updated());
        store.configs().insert(config);
        return releaser.stage(store, app, "owner", build, config, base, null, false, "owner deployed a config that failed");
    }
}
