package dev.drydock.server.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.DrydockCore;
import dev.drydock.http.ApiServices;
import dev.drydock.ports.spi.Transactions;

/** Hands the core's use cases to the HTTP adapter. */
public final class HttpModule extends AbstractModule {
    @Provides
    @Singleton
    ApiServices services(DrydockCore core, Transactions transactions) {
        return new ApiServices(core.accounts(), core.users(), core.apps(), core.keys(), core.collaborators(),
                core.configs(), core.builds(), core.releases(), core.processes(), core.domains(),
                core.certificates(), core.tls(), core.hooks(), () -> ready(transactions));
    }

    // Readiness asks the store for something real, as upstream runs a query.
    private static boolean ready(Transactions transactions) {
        try {
            transactions.read(store -> store.users().anySuperuser());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
