package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Timestamps;
import java.util.UUID;

/** An SSH key as the API shows it. */
public record KeyJson(UUID uuid, String owner, String id, @JsonProperty("public") String publicKey,
                      String fingerprint, String created, String updated) {

    public static KeyJson of(Key key) {
        return new KeyJson(key.uuid(), key.owner(), key.id(), key.publicKey(), key.fingerprint(),
                Timestamps.format(key.created()), Timestamps.format(key.updated()));
    }
}
