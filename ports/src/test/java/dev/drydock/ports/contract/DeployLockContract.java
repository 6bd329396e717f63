package dev.drydock.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.DeployLock.Deploys;
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
        String result = lock.holding(UUID.randomUUID(), deploys -> "deployed");

        assertThat(result).isEqualTo("deployed");
    }

    @Test
    void aSecondHolderOfTheSameAppWaitsForTheFirstOnAnyServer() throws Exception {
        UUID app = UUID.randomUUID();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> lock.holding(app, deploys -> {
            held.countDown();
            await(finish);
            order.add("first");
            deploys.deployed(7);
            return null;
        }));
        assertThat(held.await(1, TimeUnit.MINUTES)).as("the first holder has the lock").isTrue();

        Future<?> second = pool.submit(() -> otherServers.holding(app, deploys -> order.add("second " + deploys.newest())));

        assertThat(TransactionsContract.finishesWithin(second, SETTLE_MILLIS)).as("the second waits").isFalse();
        finish.countDown();
        first.get(1, TimeUnit.MINUTES);
        second.get(1, TimeUnit.MINUTES);
        assertThat(order).as("the second holder saw what the first recorded").containsExactly("first", "second 7");
    }

    @Test
    void holdersOfDifferentAppsDoNotWait() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            Future<?> first = pool.submit(() -> lock.holding(UUID.randomUUID(), deploys -> {
                held.countDown();
                await(finish);
                return null;
            }));
            assertThat(held.await(1, TimeUnit.MINUTES)).isTrue();

            Future<String> other = pool.submit(() -> otherServers.holding(UUID.randomUUID(), deploys -> "other app"));

            assertThat(other.get(1, TimeUnit.MINUTES)).isEqualTo("other app");
            finish.countDown();
            first.get(1, TimeUnit.MINUTES);
        } finally {
            finish.countDown();
        }
    }

    /**
     * Fifty rollouts of different apps at once, each longer than a store would wait for a
     * connection: every one gets its lock, none is refused as if the store were down.
     */
    @Test
    void manyLongHoldersOfDifferentAppsAllGetTheirTurn() throws Exception {
        int holders = 50;
        ExecutorService many = Executors.newFixedThreadPool(holders);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < holders; i++) {
                String name = "app " + i;
                results.add(many.submit(() -> lock.holding(UUID.randomUUID(), deploys -> {
                    await(finish);
                    return name;
                })));
            }
            // longer than the few seconds a store's pool waits for a connection
            Thread.sleep(4_000);
            finish.countDown();
            for (int i = 0; i < holders; i++) {
                assertThat(results.get(i).get(1, TimeUnit.MINUTES)).isEqualTo("app " + i);
            }
        } finally {
            finish.countDown();
            many.shutdownNow();
        }
    }

    @Test
    void theNewestDeployStartsAtZeroAndOnlyGoesUp() {
        UUID app = UUID.randomUUID();

        assertThat(lock.holding(app, Deploys::newest)).isZero();
        lock.holding(app, deploys -> {
            deploys.deployed(5);
            deploys.deployed(4);
            return null;
        });

        assertThat(otherServers.holding(app, Deploys::newest)).isEqualTo(5);
        assertThat(lock.holding(UUID.randomUUID(), Deploys::newest)).as("another app").isZero();
    }

    @Test
    void forgetDropsTheRecordOfAnAppThatIsGone() {
        UUID app = UUID.randomUUID();
        lock.holding(app, deploys -> {
            deploys.deployed(9);
            return null;
        });

        lock.holding(app, deploys -> {
            lock.forget(app);
            return null;
        });

        assertThat(otherServers.holding(app, Deploys::newest)).isZero();
    }

    @Test
    void theLockIsReentrantOnOneThread() {
        UUID app = UUID.randomUUID();

        String inner = lock.holding(app, outer -> {
            outer.deployed(3);
            return lock.holding(app, nested -> "inner sees " + nested.newest());
        });

        assertThat(inner).isEqualTo("inner sees 3");
        assertThat(otherServersCanTake(app)).isTrue();
    }

    @Test
    void workThatThrowsLetsTheLockGo() {
        UUID app = UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("the rollout failed");

        assertThatThrownBy(() -> lock.holding(app, deploys -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(otherServersCanTake(app)).isTrue();
    }

    @Test
    void manyAppsComeAndGo() {
        for (int i = 0; i < 200; i++) {
            UUID app = UUID.randomUUID();
            int n = i;
            Integer seen = lock.holding(app, deploys -> otherServers.holding(UUID.randomUUID(), others -> n));
            assertThat(seen).isEqualTo(i);
        }
    }

    private boolean otherServersCanTake(UUID app) {
        Future<Boolean> taken = pool.submit(() -> otherServers.holding(app, deploys -> true));
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
