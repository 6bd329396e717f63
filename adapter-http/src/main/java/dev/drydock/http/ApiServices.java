package dev.drydock.http;

import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.BuilderHooks;
import dev.drydock.ports.usecase.Builds;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Collaborators;
import dev.drydock.ports.usecase.Configs;
import dev.drydock.ports.usecase.Domains;
import dev.drydock.ports.usecase.Keys;
import dev.drydock.ports.usecase.Processes;
import dev.drydock.ports.usecase.Releases;
import dev.drydock.ports.usecase.TlsSettings;
import dev.drydock.ports.usecase.Users;
import java.util.function.BooleanSupplier;

/**
 * The driving ports the HTTP API speaks to; the only thing it knows of the core.
 *
 * @param ready answers whether the backing store can serve (for {@code /readiness})
 */
public record ApiServices(Accounts accounts, Users users, Apps apps, Keys keys, Collaborators collaborators,
                          Configs configs, Builds builds, Releases releases, Processes processes,
                          Domains domains, Certificates certificates, TlsSettings tls, BuilderHooks hooks,
                          BooleanSupplier ready) {
}
