package dev.drydock.embedded.internal;

import com.google.inject.AbstractModule;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.jdbc.JdbcStorage;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Transactions;

/**
 * Storage and app log in a database. The deploy lock is the database's own where several servers
 * may share it (PostgreSQL), and a lock in this JVM where one process owns the database (H2).
 */
public final class JdbcStorageModule extends AbstractModule {
    private final JdbcStorage storage;

    public JdbcStorageModule(JdbcStorage storage) {
        this.storage = storage;
    }

    @Override
    protected void configure() {
        bind(JdbcStorage.class).toInstance(storage);
        bind(Transactions.class).toInstance(storage.transactions());
        bind(AppLog.class).toInstance(storage.appLog());
        bind(DeployLock.class).toInstance(storage.deployLock().orElseGet(InMemoryDeployLock::new));
    }
}
