package dev.drydock.core.config;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.release.Current;
import dev.drydock.core.release.Releaser;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.ConfigChange;
import dev.drydock.ports.usecase.Configs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An app's config. A change is checked, merged onto the config of the latest good release and
 * released, all in one write, so two changes at once both land with consecutive versions. Only the
 * check that some node carries the new tags asks the scheduler; it runs before the write, and the
 * write starts over if the tags it checked changed meanwhile. A config grows only within the
 * limits of the settings (keys per field, bytes in all).
 */
public final class ConfigService implements Configs {
    /** A stored config and the release it made, to be published. */
    private record Staged(Config config, Releaser.Staged release) {
    }

    // Each retry means another writer changed the tags in between; a few is plenty.
    private static final int TAG_ATTEMPTS = 5;

    private final Transactions tx;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Releaser releaser;
    private final ConfigLimits limits;

    /** {@code limits} say how big a config may grow. */
    public ConfigService(Transactions tx, Scheduler scheduler, Releaser releaser, Clock clock,
                         Settings.Limits limits) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.releaser = Objects.requireNonNull(releaser, "releaser");
        this.limits = new ConfigLimits(Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public Config get(Caller caller, String app) {
        return tx.read(store -> {
            Access.use(store, caller, app);
            return Current.config(store, app);
        });
    }

    @Override
    public Config set(Caller caller, String appId, ConfigChange change) {
        tx.read(store -> Access.use(store, caller, appId));
        Map<String, List<String>> problems = ConfigRules.problems(change);
        if (!problems.isEmpty()) {
            throw DrydockException.invalidFields(problems);
        }
        String user = caller.username();
        for (int attempt = 0; attempt < TAG_ATTEMPTS; attempt++) {
            Instant now = Instant.now(clock);
            // New tags must match a node, which the scheduler is asked outside the write (it may be
            // slow), on a dry run of the merge; the write then checks the tags did not change since.
            Optional<Config> preview = Optional.empty();
            if (change.tags() != null) {
                Config base = get(caller, appId);
                Config merged = ConfigMerge.merge(base, change, user, UUID.randomUUID(), now);
                if (!merged.tags().isEmpty() && !scheduler.nodesMatch(merged.tags())) {
                    throw DrydockException.invalid(ConfigMerge.noNodesMessage(merged.tags(), base.tags()));
                }
                preview = Optional.of(merged);
            }
            Optional<Config> checked = preview;
            Optional<Staged> staged = tx.write(store -> {
                Access.caller(store, caller);
                App app = Access.useLocked(store, caller, appId);
                Optional<Release> current = Current.release(store, appId);
                Config base = Current.config(store, appId);
                Config merged = ConfigMerge.merge(base, change, user, UUID.randomUUID(), now);
                if (checked.isPresent() && !merged.tags().equals(checked.get().tags())) {
                    return Optional.<Staged>empty();
                }
                limits.check(base, merged);
                store.configs().insert(merged);
                Build build = current.flatMap(r -> Current.build(store, r)).orElse(null);
                return Optional.of(new Staged(merged, releaser.stage(store, app, user, build, merged,
                        current.orElse(null), null, false, user + " deployed a config that failed")));
            });
            if (staged.isPresent()) {
                releaser.publish(staged.get().release());
                return staged.get().config();
            }
        }
        throw DrydockException.conflict("The tags of " + appId + " kept changing while this change was checked;"
                + " please try again");
    }
}
