package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Timestamps;
import dev.drydock.ports.model.Tls;
import java.util.UUID;

/** An app's TLS setting as the API shows it; {@code https_enforced} is null until first set. */
public record TlsJson(UUID uuid, String app, String owner, @JsonProperty("https_enforced") Boolean httpsEnforced,
                      String created, String updated) {

    public static TlsJson of(Tls tls) {
        return new TlsJson(tls.uuid(), tls.app(), tls.owner(), tls.httpsEnforced(), Timestamps.format(tls.created()),
                Timestamps.format(tls.updated()));
    }
}
