package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Config;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The builder's hooks, authenticated by the shared builder key. Every method takes the key the
 * builder presented ({@code X-Drycc-Builder-Auth}, null when absent): with no key configured the
 * hooks are closed ({@code ForbiddenException}); a missing or wrong key is
 * {@code UnauthorizedException}.
 */
public interface BuilderHooks {

    /** The user an SSH key belongs to and the apps that user may push to, sorted by id. */
    record KeyOwner(String username, List<String> apps) {
        public KeyOwner {
            Objects.requireNonNull(username, "username");
            apps = List.copyOf(apps);
        }
    }

    /** One SSH key as the builder sees it: the public key text and its fingerprint. */
    record UserKey(String key, String fingerprint) {
        public UserKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A user's SSH keys, oldest first. */
    record UserKeys(String username, List<UserKey> keys) {
        public UserKeys {
            Objects.requireNonNull(username, "username");
            keys = List.copyOf(keys);
        }
    }

    /**
     * A build pushed through the builder: who pushed ({@code receiveUser}) to which app
     * ({@code receiveRepo}), and the build itself as in {@link Builds#create}. Null means the field
     * was not sent.
     */
    record BuildPush(String receiveUser, String receiveRepo, String image, String sha,
                     Map<String, Object> procfile, String dockerfile) {
    }

    /**
     * The owner of the key with this fingerprint and the apps they may push to (owned or shared;
     * every app for an admin). An unknown fingerprint is {@code NotFoundException}.
     */
    KeyOwner keyOwner(String builderKey, String fingerprint);

    /**
     * The SSH keys of everyone who may push to an app (owner and collaborators), by username; users
     * without keys are left out. An unknown app is {@code NotFoundException}.
     */
    List<UserKeys> appKeys(String builderKey, String app);

    /**
     * One user's SSH keys, if they may push to the app: unknown app or user, or a user without keys,
     * is {@code NotFoundException}; a user who may not use the app is {@code ForbiddenException}.
     */
    UserKeys userKeys(String builderKey, String app, String username);

    /**
     * Creates a build on behalf of the pushing user, releases and deploys it as {@link Builds#create}
     * does, and returns the version of the new release.
     */
    int build(String builderKey, BuildPush push);

    /** The config of the app's latest good release, if {@code receiveUser} may use the app. */
    Config config(String builderKey, String receiveUser, String receiveRepo);
}
