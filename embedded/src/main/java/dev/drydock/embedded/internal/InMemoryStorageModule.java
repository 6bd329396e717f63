package dev.drydock.embedded.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Transactions;

/** Storage, app log and deploy lock in this JVM's memory. */
public final class InMemoryStorageModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Transactions.class).to(InMemoryTransactions.class).in(Singleton.class);
        bind(AppLog.class).to(InMemoryAppLog.class).in(Singleton.class);
        bind(DeployLock.class).to(InMemoryDeployLock.class).in(Singleton.class);
    }
}
