package dev.drydock.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReleaserTest {
    private final ReleaseBench bench = new ReleaseBench();
    private final Releaser releaser = new Releaser(bench.platform.tx, bench.scheduler, bench.platform.log,
            bench.platform.clock);

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

    private Releaser.Staged stageValue(Store store, String appId, String key) {
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
