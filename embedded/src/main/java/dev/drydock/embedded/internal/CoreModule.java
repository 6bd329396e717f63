package dev.drydock.embedded.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.DrydockCore;
import dev.drydock.core.Settings;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Transactions;
import java.time.Clock;

/** The core on whatever driven ports the adapter module binds; the core itself knows no Guice. */
public final class CoreModule extends AbstractModule {
    private final Settings settings;
    private final Clock clock;

    public CoreModule(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Provides
    @Singleton
    Settings settings() {
        return settings;
    }

    @Provides
    @Singleton
    Clock clock() {
        return clock;
    }

    @Provides
    @Singleton
    DrydockCore core(Transactions transactions, Scheduler scheduler, DeployLock deployLock, AppLog log) {
        return new DrydockCore(transactions, scheduler, deployLock, log, clock, settings);
    }
}
