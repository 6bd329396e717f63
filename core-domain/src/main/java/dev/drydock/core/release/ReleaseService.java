package dev.drydock.core.release;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Releases;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An app's releases, and rollback: a new release that reuses an earlier release's build and config
 * objects (not copies) and is deployed like any other.
 */
public final class ReleaseService implements Releases {
    private final Transactions tx;
    private final Releaser releaser;
    private final Settings.Limits limits;

    /** {@code limits} say how many releases a page holds at most. */
    public ReleaseService(Transactions tx, Releaser releaser, Settings.Limits limits) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.releaser = Objects.requireNonNull(releaser, "releaser");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Page<Release> list(Caller caller, String app, PageRequest page) {
        return tx.read(store -> {
            Access.use(store, caller, app);
            return store.releases().list(app, limits.page(page));
        });
    }

    @Override
    public Release get(Caller caller, String app, int version) {
        return tx.read(store -> {
            Access.use(store, caller, app);
            return store.releases().find(app, version)
                    .orElseThrow(() -> DrydockException.notFound(Current.NO_RELEASE));
        });
    }

    @Override
    public int rollback(Caller caller, String appId, OptionalInt version) {
        Releaser.Staged staged = tx.write(store -> {
            Access.caller(store, caller);
            App app = Access.useLocked(store, caller, appId);
            Release current = Current.release(store, appId)
                    .orElseThrow(() -> DrydockException.invalid("Release matching query does not exist."));
            int target = version.isPresent() ? version.getAsInt() : current.version() - 1;
            if (target < 1) {
                throw DrydockException.invalid("version cannot be below 0");
            }
            if (target == 1) {
                throw DrydockException.invalid("Cannot roll back to initial release.");
            }
            Release old = store.releases().find(appId, target)
                    .orElseThrow(() -> DrydockException.invalid("Release matching query does not exist."));
            if (old.failed()) {
                throw DrydockException.invalid("Cannot roll back to failed release.");
            }
            Build build = Current.build(store, old).orElse(null);
            Config config = Current.config(store, old);
            Releaser.Staged release = releaser.stage(store, app, caller.username(), build, config, current,
                    caller.username() + " rolled back to v" + target, true,
                    current.owner() + " performed roll back to a release that failed");
            // Upstream redeploys whenever the current release has a build, so going back from it to
            // a release without one fails, and the new release is kept as failed.
            return current.build() == null ? release : release.deployRequired();
        });
        return releaser.publish(staged).version();
    }
}
