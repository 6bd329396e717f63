package dev.drydock.http.internal;

import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Timestamps;

/** A domain as the API shows it (no id and no certificate: upstream shows neither). */
public record DomainJson(String owner, String created, String updated, String app, String domain) {

    public static DomainJson of(Domain domain) {
        return new DomainJson(domain.owner(), Timestamps.format(domain.created()), Timestamps.format(domain.updated()),
                domain.app(), domain.domain());
    }
}
