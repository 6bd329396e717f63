package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;

/** A user's SSH keys; each user sees only their own. */
public interface Keys {
    /** Adds a key; null means the field was not sent. */
    Key add(Caller caller, String id, String publicKey);

    /** The caller's keys, ordered by key text. */
    Page<Key> list(Caller caller, PageRequest page);

    /** One of the caller's keys. */
    Key get(Caller caller, String id);

    /** Removes one of the caller's keys. */
    void delete(Caller caller, String id);
}
