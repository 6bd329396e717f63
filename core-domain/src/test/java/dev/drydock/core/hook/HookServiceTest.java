package dev.drydock.core.hook;

import static dev.drydock.core.release.ReleaseBench.map;
import static dev.drydock.core.release.ReleaseBench.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings;
import dev.drydock.core.release.ReleaseBench;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.usecase.BuilderHooks.BuildPush;
import dev.drydock.ports.usecase.BuilderHooks.KeyOwner;
import dev.drydock.ports.usecase.BuilderHooks.UserKey;
import dev.drydock.ports.usecase.BuilderHooks.UserKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HookServiceTest {
    private static final String BUILDER_KEY = "s3cret-builder-key";

    private final ReleaseBench bench = new ReleaseBench(Settings.defaults().withBuilderKey(Optional.of(BUILDER_KEY)));
    private final HookService hooks = bench.hooks;
    private final String app = bench.app();

    private UserKey addKey(String owner, String id, String fingerprint, Instant created) {
        String text = "ssh-ed25519 AAAA" + id + " " + owner + "@example.com";
        bench.platform.tx.writeVoid(store -> store.keys().insert(
                new Key(UUID.randomUUID(), owner, id, text, fingerprint, created, created)));
        return new UserKey(text, fingerprint);
    }

    @Nested
    class Authentication {
        @Test
        void withoutAConfiguredKeyTheHooksAreClosed() {
            ReleaseBench closed = new ReleaseBench();
            String closedApp = closed.app();

            assertThatThrownBy(() -> closed.hooks.appKeys(null, closedApp))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessage("builder hooks are disabled: no builder key is configured");
            assertThatThrownBy(() -> closed.hooks.appKeys("", closedApp)).isInstanceOf(ForbiddenException.class);
        }

        @Test
        void aMissingOrWrongKeyIsRefused() {
            assertThatThrownBy(() -> hooks.appKeys(null, app)).isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> hooks.keyOwner("", "aa:bb")).isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> hooks.config(BUILDER_KEY + "x", "owner", app))
                    .isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> hooks.build("s3cret", new BuildPush("owner", app, "img", null, null, null)))
                    .isInstanceOf(UnauthorizedException.class);
            assertThat(bench.latestVersion(app)).isEqualTo(1);
        }
    }

    @Nested
    class Keys {
        @Test
        void aFingerprintNamesItsOwnerAndTheAppsTheyMayPushTo() {
            String other = bench.platform.core.apps().create(bench.outsider, Optional.empty()).id();
            addKey("mate", "mate-laptop", "54:6d:da:1f", Instant.parse("2024-01-01T00:00:00Z"));

            assertThat(hooks.keyOwner(BUILDER_KEY, " 54:6d:da:1f ")).isEqualTo(new KeyOwner("mate", List.of(app)));

            addKey("admin", "admin-laptop", "43:fd:22:bc", Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(hooks.keyOwner(BUILDER_KEY, "43:fd:22:bc").apps()).containsExactlyInAnyOrder(app, other);

            assertThatThrownBy(() -> hooks.keyOwner(BUILDER_KEY, "nope"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No Key matches the given query.");
        }

        @Test
        void anAppListsTheKeysOfEveryoneWhoMayPushOldestFirst() {
            UserKey newer = addKey("owner", "owner-2", "aa:02", Instant.parse("2024-02-01T00:00:00Z"));
            UserKey older = addKey("owner", "owner-1", "aa:01", Instant.parse("2024-01-01T00:00:00Z"));
            UserKey mates = addKey("mate", "mate-1", "bb:01", Instant.parse("2024-01-01T00:00:00Z"));
            addKey("outsider", "outsider-1", "cc:01", Instant.parse("2024-01-01T00:00:00Z"));

            assertThat(hooks.appKeys(BUILDER_KEY, app)).containsExactly(
                    new UserKeys("mate", List.of(mates)),
                    new UserKeys("owner", List.of(older, newer)));
            assertThatThrownBy(() -> hooks.appKeys(BUILDER_KEY, "doesnotexist"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
        }

        @Test
        void oneUsersKeysIfTheyMayPush() {
            UserKey mates = addKey("mate", "mate-1", "bb:01", Instant.parse("2024-01-01T00:00:00Z"));
            addKey("outsider", "outsider-1", "cc:01", Instant.parse("2024-01-01T00:00:00Z"));

            assertThat(hooks.userKeys(BUILDER_KEY, app, "mate")).isEqualTo(new UserKeys("mate", List.of(mates)));
            assertThatThrownBy(() -> hooks.userKeys(BUILDER_KEY, app, "foooooo"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No User matches the given query.");
            assertThatThrownBy(() -> hooks.userKeys(BUILDER_KEY, app, "outsider"))
                    .isInstanceOf(ForbiddenException.class);
            // not an object lookup, so clients see it as a detail
            assertThatThrownBy(() -> hooks.userKeys(BUILDER_KEY, app, "owner"))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.lookup()).isFalse())
                    .hasMessage("No Keys match the given query.");
        }
    }

    @Nested
    class Builds {
        @Test
        void aPushIsBuiltReleasedAndDeployedForThePusher() {
            int version = hooks.build(BUILDER_KEY, new BuildPush("mate", app, app + ":v2",
                    "ecdff91c57a0b9ab82e89634df87e293d259a3aa", map("web", "node server.js"), null));

            assertThat(version).isEqualTo(2);
            Release v2 = bench.release(app, 2);
            assertThat(v2.summary()).isEqualTo("mate deployed ecdff91");
            Build build = bench.buildOf(v2);
            assertThat(build.owner()).isEqualTo("mate");
            assertThat(build.procfile()).isEqualTo(Map.of("web", "node server.js"));
            assertThat(bench.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        }

        @Test
        void adminsMayPushToAnyApp() {
            assertThat(hooks.build(BUILDER_KEY, new BuildPush("admin", app, "img", null, null, null))).isEqualTo(2);
        }

        @Test
        void thePusherMustBeKnownAndMayUseTheApp() {
            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush("outsider", app, "img", null, null, null)))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush("ghost", app, "img", null, null, null)))
                    .isInstanceOf(NotFoundException.class).hasMessage("No User matches the given query.");
            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush("owner", "nope", "img", null, null, null)))
                    .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush(null, " ", "img", null, null, null)))
                    .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("receive_user", "receive_repo"));
            assertThat(bench.builds.list(bench.owner, app, PageRequest.FIRST).count()).isZero();
        }

        @Test
        void refusesAPusherWhoseAccountWasRemovedAfterTheyWereChecked() {
            bench.platform.beforeNextWrite(() -> bench.platform.core.accounts().cancel(bench.admin, Optional.empty()));

            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush("admin", app, "img", null, null, null)))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(bench.builds.list(bench.owner, app, PageRequest.FIRST).count()).isZero();
            assertThat(bench.latestVersion(app)).isEqualTo(1);
            boolean ownsRows = bench.read(store -> store.users().ownsRecords("admin"));
            assertThat(ownsRows).as("nothing passes to a later user named admin").isFalse();
        }

        @Test
        void refusesAPusherWhoseAccountIsDisabled() {
            bench.platform.deactivate("mate");

            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush("mate", app, "img", null, null, null)))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(bench.latestVersion(app)).isEqualTo(1);
        }

        @Test
        void theBuildIsCheckedLikeAnyOther() {
            assertThatThrownBy(() -> hooks.build(BUILDER_KEY, new BuildPush("owner", app, null, null, null, null)))
                    .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.fieldErrors())
                            .isEqualTo(Map.of("image", List.of("This field is required."))));
        }
    }

    @Nested
    class Config {
        @Test
        void isTheConfigOfTheLatestGoodRelease() {
            bench.configs.set(bench.owner, app, values(map("A", "1")));

            assertThat(hooks.config(BUILDER_KEY, "mate", app)).isEqualTo(bench.configs.get(bench.owner, app));
            assertThatThrownBy(() -> hooks.config(BUILDER_KEY, "outsider", app))
                    .isInstanceOf(ForbiddenException.class);
        }
    }
}
