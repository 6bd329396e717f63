package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.contract.DeployLockContract;
import dev.drydock.ports.spi.DeployLock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryDeployLockTest extends DeployLockContract {
    private final InMemoryDeployLock lock = new InMemoryDeployLock();

    @Override
    protected DeployLock deployLock() {
        return lock;
    }

    // one JVM is one server: the same lock
    @Override
    protected DeployLock anotherServersLock() {
        return lock;
    }

    @Test
    void aLockNobodyHoldsOrAwaitsIsForgotten() {
        UUID app = UUID.randomUUID();

        lock.holding(app, outer -> lock.holding(app, inner -> {
            assertThat(lock.active()).isEqualTo(1);
            inner.deployed(2);
            return null;
        }));

        assertThat(lock.active()).isZero();
        assertThat(lock.recorded()).as("the record stays until the app is forgotten").isEqualTo(1);
        lock.holding(app, deploys -> {
            lock.forget(app);
            return null;
        });
        assertThat(lock.recorded()).isZero();
    }
}
