package dev.drydock.core.key;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Users' SSH keys. Key ids and key data are unique across all users; each user sees only their own. */
public final class KeyService implements Keys {
    public static final String NO_KEY = "No Key matches the given query.";
    static final int ID_MAX = 128;
    static final String ID_TAKEN = "SSH Key with this id already exists.";
    static final String PUBLIC_TAKEN = "Public Key is already in use";
    static final String ID_SLASH = "Key ids cannot end with a slash.";
    private static final String REQUIRED = "This field is required.";
    private static final String BLANK = "This field may not be blank.";

    private final Transactions tx;
    private final Clock clock;
    private final Settings.Limits limits;

    /** {@code limits} say how many keys a page holds at most. */
    public KeyService(Transactions tx, Clock clock, Settings.Limits limits) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Key add(Caller caller, String id, String publicKey) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String keyId = id == null ? null : id.strip();
        String text = publicKey == null ? null : publicKey.strip();
        if (keyId == null) {
            error(errors, "id", REQUIRED);
        } else if (keyId.isEmpty()) {
            error(errors, "id", BLANK);
        } else if (keyId.length() > ID_MAX) {
            error(errors, "id", "Ensure this field has no more than " + ID_MAX + " characters.");
        }
        // GET and DELETE /v2/keys/{id} drop a trailing slash, so such a key could never be reached.
        if (keyId != null && keyId.endsWith("/")) {
            error(errors, "id", ID_SLASH);
        }
        SshPublicKey parsed = null;
        if (text == null) {
            error(errors, SshPublicKey.FIELD, REQUIRED);
        } else if (text.isEmpty()) {
            error(errors, SshPublicKey.FIELD, BLANK);
        } else {
            try {
                parsed = SshPublicKey.parse(text);
            } catch (InvalidException e) {
                e.fieldErrors().forEach((field, messages) -> messages.forEach(m -> error(errors, field, m)));
            }
        }
        SshPublicKey key = parsed;
        Instant now = Instant.now(clock);
        return tx.write(store -> {
            Access.caller(store, caller);
            Map<String, List<String>> all = new LinkedHashMap<>();
            errors.forEach((field, messages) -> all.put(field, new ArrayList<>(messages)));
            if (!all.containsKey("id") && store.keys().find(keyId).isPresent()) {
                error(all, "id", ID_TAKEN);
            }
            // The same key data under another comment is the same key: sshd could not tell whose it is.
            if (key != null && (store.keys().findByPublic(text).isPresent()
                    || !store.keys().findByFingerprint(key.fingerprint()).isEmpty())) {
                error(all, SshPublicKey.FIELD, PUBLIC_TAKEN);
            }
            if (!all.isEmpty()) {
                throw DrydockException.invalidFields(all);
            }
            Key created = new Key(UUID.randomUUID(), caller.username(), keyId, text, key.fingerprint(), now, now);
            store.keys().insert(created);
            return created;
        });
    }

    private static void error(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    @Override
    public Page<Key> list(Caller caller, PageRequest page) {
        return tx.read(store -> store.keys().listByOwner(Access.acting(store, caller).username(), limits.page(page)));
    }

    @Override
    public Key get(Caller caller, String id) {
        return tx.read(store -> own(store, caller, id));
    }

    @Override
    public void delete(Caller caller, String id) {
        tx.writeVoid(store -> store.keys().delete(own(store, caller, id).id()));
    }

    private static Key own(Store store, Caller caller, String id) {
        Access.acting(store, caller);
        return store.keys().find(id)
                .filter(key -> caller.is(key.owner()))
                .orElseThrow(() -> DrydockException.notFound(NO_KEY));
    }
}
