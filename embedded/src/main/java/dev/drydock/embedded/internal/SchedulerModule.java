package dev.drydock.embedded.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.ports.spi.Scheduler;

/** The scheduler that runs the apps: the simulation, or a cluster's. */
public final class SchedulerModule extends AbstractModule {
    private final Scheduler scheduler;

    public SchedulerModule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Provides
    @Singleton
    Scheduler scheduler() {
        return scheduler;
    }
}
