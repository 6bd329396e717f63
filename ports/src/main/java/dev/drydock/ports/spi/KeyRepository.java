package dev.drydock.ports.spi;

import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.List;
import java.util.Optional;

/** SSH keys. Ids and public key texts are unique across all users. */
public interface KeyRepository {
    /** Stores a key; a taken id or public text throws {@code ConflictException}. */
    void insert(Key key);

    /** The key with this id, whoever owns it. */
    Optional<Key> find(String id);

    /** The key with this exact public text. */
    Optional<Key> findByPublic(String publicKey);

    /** Keys with this fingerprint. */
    List<Key> findByFingerprint(String fingerprint);

    /** A user's keys, ordered by public key text. */
    Page<Key> listByOwner(String owner, PageRequest page);

    /** Removes a key; returns whether it was there. */
    boolean delete(String id);
}
