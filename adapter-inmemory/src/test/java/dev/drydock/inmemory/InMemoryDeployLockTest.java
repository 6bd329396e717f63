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

        lock.holding(app, () -> lock.holding(app, () -> {
            assertThat(lock.active()).isEqualTo(1);
            return null;
        }));

        assertThat(lock.active()).isZero();
    }
}
