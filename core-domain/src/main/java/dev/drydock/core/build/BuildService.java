package dev.drydock.core.build;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.core.config.PythonText;
import dev.drydock.core.release.Current;
import dev.drydock.core.release.Releaser;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.BuildRequest;
import dev.drydock.ports.usecase.Builds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds. A new build is stored and released with the latest good config in one write, then
 * deployed. Process types the previous build's Procfile had and this one lacks are scaled to 0.
 */
public final class BuildService implements Builds {
    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";
    static final String SHA_TOO_LONG = "Ensure this field has no more than 40 characters.";
    static final String EMPTY_COMMAND = "Command can't be empty for process type";
    static final String NOT_A_COMMAND = "Command must be a string for process type ";

    private final Transactions tx;
    private final Clock clock;
    private final Releaser releaser;
    private final Settings.Limits limits;

    /** {@code limits} say how many builds a page holds at most. */
    public BuildService(Transactions tx, Releaser releaser, Clock clock, Settings.Limits limits) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.releaser = Objects.requireNonNull(releaser, "releaser");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A build and the release it made. */
    public record Released(Build build, Release release) {
    }

    @Override
    public Build create(Caller caller, String app, BuildRequest request) {
        return release(caller, app, request).build();
    }

    /** {@link #create}, also telling which release the build made. */
    public Released release(Caller caller, String appId, BuildRequest request) {
        tx.read(store -> Access.use(store, caller, appId));
        String image = request.image();
        String sha = request.sha();
        Map<String, Object> procfile = request.procfile();
        String dockerfile = request.dockerfile();
        Map<String, String> types = checked(image, sha, procfile);
        String user = caller.username();
        Instant now = Instant.now(clock);
        Build build = new Build(UUID.randomUUID(), appId, user, image.strip(), sha == null ? "" : sha.strip(),
                types, dockerfile, now, now);
        Releaser.Staged staged = tx.write(store -> {
            Access.caller(store, caller);
            App app = Access.useLocked(store, caller, appId);
            Optional<Release> current = Current.release(store, appId);
            Config config = Current.config(store, appId);
            store.builds().insert(build);
            Build previous = current.flatMap(r -> Current.build(store, r)).orElse(null);
            App scaled = previous == null ? app : withDroppedTypes(app, previous, build, now);
            return releaser.stage(store, scaled, user, build, config, current.orElse(null), null, false,
                    user + " deployed " + build.uuid().toString().substring(0, 7) + " which failed");
        });
        return new Released(build, releaser.publish(staged));
    }

    // Types the last Procfile had and this one lacks stop running; upstream writes them as 0 even
    // if they were never scaled. A failed deploy puts the stored structure back (Releaser).
    private static App withDroppedTypes(App app, Build previous, Build next, Instant now) {
        Map<String, Integer> structure = new TreeMap<>(app.structure());
        previous.procfile().keySet().stream()
                .filter(type -> !next.procfile().containsKey(type))
                .forEach(type -> structure.put(type, 0));
        return app.withStructure(structure, app.procfileStructure(), now);
    }

    private static Map<String, String> checked(String image, String sha, Map<String, Object> procfile) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (image == null) {
            problems.put("image", List.of(REQUIRED));
        } else if (image.isBlank()) {
            problems.put("image", List.of(BLANK));
        }
        if (sha != null && sha.strip().length() > 40) {
            problems.put("sha", List.of(SHA_TOO_LONG));
        }
        Map<String, String> types = new TreeMap<>();
        if (procfile != null) {
            List<String> messages = new ArrayList<>();
            procfile.forEach((type, command) -> {
                if (!ProcessTypes.valid(type)) {
                    messages.add(ProcessTypes.INVALID);
                } else if (command == null || PythonText.str(command).isEmpty()) {
                    messages.add(EMPTY_COMMAND);
                } else if (!(command instanceof String text)) {
                    messages.add(NOT_A_COMMAND + type);
                } else {
                    types.put(type, text);
                }
            });
            if (!messages.isEmpty()) {
                problems.put("procfile", List.of(messages.get(0)));
            }
        }
        if (!problems.isEmpty()) {
            throw DrydockException.invalidFields(problems);
        }
        return types;
    }

    @Override
    public Page<Build> list(Caller caller, String app, PageRequest page) {
        return tx.read(store -> {
            Access.use(store, caller, app);
            return store.builds().list(app, limits.page(page));
        });
    }

    @Override
    public Build get(Caller caller, String app, String uuid) {
        UUID id;
        try {
            id = UUID.fromString(uuid);
        } catch (IllegalArgumentException | NullPointerException e) {
            id = null;
        }
        UUID wanted = id;
        return tx.read(store -> {
            Access.use(store, caller, app);
            return Optional.ofNullable(wanted)
                    .flatMap(u -> store.builds().find(u))
                    .filter(b -> b.app().equals(app))
                    .orElseThrow(() -> DrydockException.notFound(Current.NO_BUILD));
        });
    }
}
