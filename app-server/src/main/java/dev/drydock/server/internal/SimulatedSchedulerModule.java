package dev.drydock.server.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.spi.Scheduler;

/** The simulated scheduler: deploys, scaling and routing are recorded, no workload runs. */
public final class SimulatedSchedulerModule extends AbstractModule {
    private final SimulatedScheduler scheduler;

    public SimulatedSchedulerModule(SimulatedScheduler scheduler) {
        this.scheduler = scheduler;
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
