package dev.drydock.server.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Transactions;

/** Storage and app log in memory, and the simulated scheduler. */
public final class InMemoryModule extends AbstractModule {
    private final SimulatedScheduler scheduler;

    public InMemoryModule(SimulatedScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected void configure() {
        bind(Transactions.class).to(InMemoryTransactions.class).in(Singleton.class);
        bind(AppLog.class).to(InMemoryAppLog.class).in(Singleton.class);
        bind(DeployLock.class).to(InMemoryDeployLock.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    InMemoryTransactions transactions() {
        return new InMemoryTransactions();
    }

    @Provides
    @Singleton
    InMemoryAppLog appLog() {
        return new InMemoryAppLog();
    }

    @Provides
    @Singleton
    SimulatedScheduler simulatedScheduler() {
        return scheduler;
    }

    @Provides
    @Singleton
    Scheduler scheduler() {
        return scheduler;
    }
}
