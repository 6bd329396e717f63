package dev.drydock.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.spi.DeployLock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeployLock}. Each test locks its own random app uuids, so adapters may
 * share one lock (and one database) between tests.
 */
public abstract class DeployLockContract {
    private static final long SETTLE_MILLIS = 300;

    private DeployLock lock;
    private DeployLock otherServers;
    private ExecutorService pool;

    /** The adapter under test. */
    protected abstract DeployLock deployLock();

    /**
     * The lock as another server sharing the store has it: for a lock that reaches several
     * servers, a second instance on the same database; for one that does not, the same instance.
     */
    protected abstract DeployLock anotherServersLock();

    @BeforeEach
    final void open() {
        lock = deployLock();
        otherServers = anotherServersLock();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    final void close() {
        pool.shutdownNow();
    }

    @Test
    void theWorksResultComesBack() {
        assertThat(lock.holding(UUID.randomUUID(), () -> "deployed")).isEqualTo("deployed");
    }

    @Test
    void aSecondHolderOfTheSameAppWaitsForTheFirstOnAnyServer() throws Exception {
        UUID app = UUID.randomUUID();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> lock.holding(app, () -> {
            held.countDown();
            await(finish);
            order.add("first");
            return null;
        }));
        assertThat(held.await(1, TimeUnit.MINUTES)).as("the first holder has the lock").isTrue();

        Future<?> second = pool.submit(() -> otherServers.holding(app, () -> order.add("second")));

        assertThat(TransactionsContract.finishesWithin(second, SETTLE_MILLIS)).as("the second waits").isFalse();
        finish.countDown();
        first.get(1, TimeUnit.MINUTES);
        second.get(1, TimeUnit.MINUTES);
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void holdersOfDifferentAppsDoNotWait() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            Future<?> first = pool.submit(() -> lock.holding(UUID.randomUUID(), () -> {
                held.countDown();
                await(finish);
                return null;
            }));
            assertThat(held.await(1, TimeUnit.MINUTES)).isTrue();

            Future<String> other = pool.submit(() -> otherServers.holding(UUID.randomUUID(), () -> "other app"));

            assertThat(other.get(1, TimeUnit.MINUTES)).isEqualTo("other app");
            finish.countDown();
            first.get(1, TimeUnit.MINUTES);
        } finally {
            finish.countDown();
        }
    }

    @Test
    void theLockIsReentrantOnOneThread() {
        UUID app = UUID.randomUUID();

        String inner = lock.holding(app, () -> lock.holding(app, () -> "inner"));

        assertThat(inner).isEqualTo("inner");
        assertThat(otherServersCanTake(app)).isTrue();
    }

    @Test
    void workThatThrowsLetsTheLockGo() {
        UUID app = UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("the rollout failed");

        assertThatThrownBy(() -> lock.holding(app, () -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(otherServersCanTake(app)).isTrue();
    }

    @Test
    void manyAppsComeAndGo() {
        for (int i = 0; i < 200; i++) {
            UUID app = UUID.randomUUID();
            int n = i;
            assertThat(lock.holding(app, () -> otherServers.holding(UUID.randomUUID(), () -> n))).isEqualTo(i);
        }
    }

    private boolean otherServersCanTake(UUID app) {
        Future<Boolean> taken = pool.submit(() -> otherServers.holding(app, () -> true));
        return TransactionsContract.finishesWithin(taken, TimeUnit.MINUTES.toMillis(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never let the holder finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
