package dev.drydock.core.hook;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.build.BuildService;
import dev.drydock.core.release.Current;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.BuildRequest;
import dev.drydock.ports.usecase.BuilderHooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The hooks the builder calls while a user pushes: who owns an SSH key, whose keys may push to an
 * app, a new build and the config to build with. They act for the pushing user, with that user's
 * rights; a build is refused (401) if that user's account is disabled or gone when it is stored,
 * as for any caller. The builder proves itself with the shared builder key; without one configured
 * the hooks stay closed.
 */
public final class HookService implements BuilderHooks {
    static final String DISABLED = "builder hooks are disabled: no builder key is configured";
    static final String NO_CREDENTIALS = "Authentication credentials were not provided.";
    static final String BAD_KEY = "Invalid builder key.";
    static final String NO_KEY = "No Key matches the given query.";
    static final String NO_KEYS = "No Keys match the given query.";
    static final String NO_USER = "No User matches the given query.";
    private static final Comparator<Key> OLDEST_FIRST = Comparator
            .comparing(Key::created, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Key::id);

    private final Transactions tx;
    private final BuildService builds;
    private final Optional<byte[]> builderKeyDigest;

    public HookService(Transactions tx, BuildService builds, Settings settings) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.builds = Objects.requireNonNull(builds, "builds");
        this.builderKeyDigest = settings.builderKey().filter(k -> !k.isEmpty()).map(HookService::digest);
    }

    @Override
    public KeyOwner keyOwner(String builderKey, String fingerprint) {
        authenticate(builderKey);
        String wanted = fingerprint == null ? "" : fingerprint.strip();
        return tx.read(store -> {
            Key key = store.keys().findByFingerprint(wanted).stream().min(OLDEST_FIRST)
                    .orElseThrow(() -> DrydockException.notFound(NO_KEY));
            User user = user(store, key.owner());
            List<App> apps = user.superuser()
                    ? store.apps().list(PageRequest.ALL).results()
                    : store.apps().visibleTo(user.username(), PageRequest.ALL).results();
            return new KeyOwner(user.username(), apps.stream().map(App::id).sorted().toList());
        });
    }

    @Override
    public List<UserKeys> appKeys(String builderKey, String appId) {
        authenticate(builderKey);
        return tx.read(store -> {
            App app = Access.find(store, appId);
            TreeSet<String> users = new TreeSet<>(store.permissions().users(appId));
            users.add(app.owner());
            List<UserKeys> result = new ArrayList<>();
            for (String username : users) {
                List<UserKey> keys = keys(store, username);
                if (!keys.isEmpty()) {
                    result.add(new UserKeys(username, keys));
                }
            }
            return result;
        });
    }

    @Override
    public UserKeys userKeys(String builderKey, String appId, String username) {
        authenticate(builderKey);
        return tx.read(store -> {
            App app = Access.find(store, appId);
            User user = user(store, username);
            if (!Access.mayUse(store, Access.Acting.of(user), app)) {
                throw DrydockException.forbidden();
            }
            List<UserKey> keys = keys(store, user.username());
            if (keys.isEmpty()) {
                // upstream raises NotFound with this text, which clients see as a detail
                throw DrydockException.missing(NO_KEYS);
            }
            return new UserKeys(user.username(), keys);
        });
    }

    @Override
    public int build(String builderKey, BuildPush push) {
        authenticate(builderKey);
        Caller caller = pusher(push.receiveUser(), push.receiveRepo());
        return builds.release(caller, push.receiveRepo().strip(),
                new BuildRequest(push.image(), push.sha(), push.procfile(), push.dockerfile())).release().version();
    }

    @Override
    public Config config(String builderKey, String receiveUser, String receiveRepo) {
        authenticate(builderKey);
        Caller caller = pusher(receiveUser, receiveRepo);
        return tx.read(store -> Current.config(store, Access.use(store, caller, receiveRepo.strip()).id()));
    }

    // The pushing user, if they may use the app: unknown app or user is 404, an outsider 403.
    private Caller pusher(String receiveUser, String receiveRepo) {
        List<String> missing = new ArrayList<>();
        if (receiveUser == null || receiveUser.isBlank()) {
            missing.add("receive_user");
        }
        if (receiveRepo == null || receiveRepo.isBlank()) {
            missing.add("receive_repo");
        }
        if (!missing.isEmpty()) {
            java.util.Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
            missing.forEach(field -> fields.put(field, List.of("This field is required.")));
            throw DrydockException.invalidFields(fields);
        }
        return tx.read(store -> {
            App app = Access.find(store, receiveRepo.strip());
            User user = user(store, receiveUser.strip());
            if (!Access.mayUse(store, Access.Acting.of(user), app)) {
                throw DrydockException.forbidden();
            }
            return Access.issue(user);
        });
    }

    private static User user(Store store, String username) {
        return store.users().find(username).orElseThrow(() -> DrydockException.notFound(NO_USER));
    }

    private static List<UserKey> keys(Store store, String username) {
        return store.keys().listByOwner(username, PageRequest.ALL).results().stream()
                .sorted(OLDEST_FIRST)
                .map(key -> new UserKey(key.publicKey(), key.fingerprint()))
                .toList();
    }

    // Digests first, so the comparison takes the same time whatever the length of the guess.
    private void authenticate(String presented) {
        if (builderKeyDigest.isEmpty()) {
            throw DrydockException.forbidden(DISABLED);
        }
        if (presented == null || presented.isEmpty()) {
            throw DrydockException.unauthorized(NO_CREDENTIALS);
        }
        if (!MessageDigest.isEqual(digest(presented), builderKeyDigest.get())) {
            throw DrydockException.unauthorized(BAD_KEY);
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
