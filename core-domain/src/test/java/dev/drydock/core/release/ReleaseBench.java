package dev.drydock.core.release;

import dev.drydock.core.Settings;
import dev.drydock.core.auth.TestPlatform;
import dev.drydock.core.build.BuildService;
import dev.drydock.core.config.ConfigService;
import dev.drydock.core.hook.HookService;
import dev.drydock.core.process.ProcessService;
import dev.drydock.inmemory.RunHandler;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.usecase.ConfigChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The release-related services on the in-memory adapters, with an owner, a collaborator ("mate"),
 * an admin and an outsider, and helpers to make apps and read what is stored.
 */
public final class ReleaseBench {
    public final TestPlatform platform;
    public final SimulatedScheduler scheduler;
    /** The one releaser the services below share with the core. */
    public final Releaser releaser;
    public final ConfigService configs;
    public final BuildService builds;
    public final ReleaseService releases;
    public final ProcessService processes;
    public final HookService hooks;
    public final Caller admin;
    public final Caller owner;
    public final Caller mate;
    public final Caller outsider;

    public ReleaseBench() {
        this(Settings.defaults(), null);
    }

    public ReleaseBench(Settings settings) {
        this(settings, null);
    }

    /** A bench whose simulated cluster has these nodes (null: any labels match) and run handler. */
    public ReleaseBench(Settings settings, List<Map<String, String>> nodes, RunHandler run) {
        this(settings, new SimulatedScheduler(java.time.Clock.fixed(TestPlatform.NOW, java.time.ZoneOffset.UTC),
                nodes, run));
    }

    private ReleaseBench(Settings settings, SimulatedScheduler custom) {
        this.platform = new TestPlatform(settings, custom);
        this.scheduler = custom == null ? platform.simulated : custom;
        // the core's transactions, so platform.beforeNextWrite reaches these services too
        var tx = platform.transactions;
        var log = platform.log;
        var clock = platform.clock;
        // the core's releaser, so its app destroys wait for these services' deploys and scales
        this.releaser = platform.core.releaser();
        this.configs = new ConfigService(tx, scheduler, releaser, clock, platform.settings.limits());
        this.builds = new BuildService(tx, releaser, clock, platform.settings.limits());
        this.releases = new ReleaseService(tx, releaser, platform.settings.limits());
        this.processes = new ProcessService(tx, scheduler, releaser, log, clock, platform.settings.limits());
        this.hooks = new HookService(tx, builds, platform.settings);
        this.admin = platform.user("admin");
        this.owner = platform.user("owner");
        this.mate = platform.user("mate");
        this.outsider = platform.user("outsider");
    }

    /** A new app of {@code owner}, shared with {@code mate}. */
    public String app() {
        String id = platform.core.apps().create(owner, Optional.empty()).id();
        platform.core.collaborators().grant(owner, id, mate.username());
        return id;
    }

    public <T> T read(Function<Store, T> work) {
        return platform.tx.read(work);
    }

    public App stored(String app) {
        return read(store -> store.apps().find(app)).orElseThrow();
    }

    public Release release(String app, int version) {
        return read(store -> store.releases().find(app, version)).orElseThrow();
    }

    public int latestVersion(String app) {
        return read(store -> store.releases().maxVersion(app));
    }

    public Config configOf(Release release) {
        return read(store -> store.configs().find(release.config())).orElseThrow();
    }

    public Build buildOf(Release release) {
        return read(store -> store.builds().find(release.build())).orElseThrow();
    }

    /** An image build without Procfile, as {@code owner}. */
    public Build imageBuild(String app) {
        return builds.create(owner, app, "registry.example.com/" + app + ":v1", null, null, null);
    }

    /** A buildpack build with this Procfile, as {@code owner}. */
    public Build buildpack(String app, String sha, Map<String, Object> procfile) {
        return builds.create(owner, app, "slug-" + sha, sha, procfile, null);
    }

    public static ConfigChange values(Map<String, Object> values) {
        return new ConfigChange(values, null, null, null, null, null, null, null, null);
    }

    /** A map in the given key order that may hold nulls: {@code map("A", "1", "B", null)}. */
    /** Process counts from alternating types and numbers. */
    public static Map<String, Integer> counts(Object... typesAndCounts) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < typesAndCounts.length; i += 2) {
            counts.put((String) typesAndCounts[i], (Integer) typesAndCounts[i + 1]);
        }
        return counts;
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static ConfigChange change() {
        return new ConfigChange(null, null, null, null, null, null, null, null, null);
    }
}
