package dev.drydock.core.routing;

import static dev.drydock.core.certificate.TestCertificates.EC;
import static dev.drydock.core.certificate.TestCertificates.RSA;
import static dev.drydock.core.certificate.TestCertificates.classic;
import static dev.drydock.core.certificate.TestCertificates.name;
import static dev.drydock.core.certificate.TestCertificates.pem;
import static dev.drydock.core.certificate.TestCertificates.selfSigned;
import static dev.drydock.core.routing.RoutingTestPlatform.NOW;
import static dev.drydock.core.routing.RoutingTestPlatform.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.spi.Routing;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RoutingSyncTest {
    private final RoutingTestPlatform platform = new RoutingTestPlatform();
    private final RoutingSync sync = new RoutingSync(platform.simulated);
    private final String app = platform.app("web-shop");

    @Test
    void describesDomainsCertificatesAndEnforcementAsStored() {
        String rsaPem = pem(selfSigned(name("CN=rsa.example.com"), RSA));
        String ecPem = pem(selfSigned(name("CN=ec.example.com"), EC));
        platform.domains.add(OWNER, app, "b.example.com");
        platform.domains.add(OWNER, app, "a.example.com");
        platform.domains.add(OWNER, app, "c.example.com");
        platform.certificates.create(OWNER, "zeta", rsaPem, classic(RSA));
        platform.certificates.create(OWNER, "alpha", ecPem, classic(EC));
        platform.certificates.attach(OWNER, "zeta", "c.example.com");
        platform.certificates.attach(OWNER, "zeta", "a.example.com");
        platform.certificates.attach(OWNER, "alpha", "b.example.com");
        platform.tls.set(OWNER, app, true);

        Routing routing = platform.tx.read(store -> RoutingSync.routing(store, app));

        assertThat(routing.app()).isEqualTo(app);
        assertThat(routing.domains()).containsExactly("a.example.com", "b.example.com", "c.example.com", "web-shop");
        assertThat(routing.certificates()).containsExactly(
                new Routing.TlsCertificate("alpha", List.of("b.example.com"), ecPem, classic(EC)),
                new Routing.TlsCertificate("zeta", List.of("a.example.com", "c.example.com"), rsaPem, classic(RSA)));
        assertThat(routing.httpsEnforced()).isTrue();
        assertThat(platform.routing(app)).as("what the cluster was told last").isEqualTo(routing);
        assertThat(routing.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void anAppThatIsGoneIsSkipped() {
        platform.apps.destroy(OWNER, app);

        platform.tx.writeVoid(store -> sync.push(store, app));

        assertThat(platform.simulated.routing(app)).isEmpty();
    }

    @Test
    void everySchedulerFailureIsUnavailable() {
        platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));
        assertThatThrownBy(() -> platform.tx.writeVoid(store -> sync.push(store, app)))
                .isInstanceOf(UnavailableException.class).hasMessage("router is down");

        platform.simulated.failNext(Operation.ROUTE, DrydockException.conflict("busy"));
        assertThatThrownBy(() -> platform.tx.writeVoid(store -> sync.push(store, app)))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Could not update the routing of app web-shop: busy");

        platform.simulated.failNext(Operation.ROUTE, new IllegalStateException("connection refused"));
        assertThatThrownBy(() -> platform.tx.writeVoid(store -> sync.push(store, app)))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Could not update the routing of app web-shop")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedPushUndoesTheWriteItRanIn() {
        platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));

        assertThatThrownBy(() -> platform.tx.writeVoid(store -> {
            store.domains().insert(new Domain("new.example.com", app, "alice", null, NOW, NOW));
            sync.push(store, app);
        })).isInstanceOf(UnavailableException.class);

        assertThat(platform.storedDomains(app)).containsExactly("web-shop");
        assertThat(platform.routing(app).domains()).containsExactly("web-shop");
    }

    @Test
    void pushAllPutsBackTheAppsAlreadyToldWhenOneFails() {
        String other = platform.app("other-shop");
        Routing otherBefore = platform.routing(other);
        Routing appBefore = platform.routing(app);
        // apps are told in name order: other-shop first, then web-shop, which fails
        platform.simulated.failNext(Operation.ROUTE, app, DrydockException.unavailable("router is down"));

        assertThatThrownBy(() -> platform.tx.writeVoid(store -> {
            List<Routing> before = RoutingSync.routings(store, List.of(app, other));
            store.domains().insert(new Domain("late.example.com", other, "alice", null, NOW, NOW));
            store.domains().insert(new Domain("new.example.com", app, "alice", null, NOW, NOW));
            sync.pushAll(store, before);
        })).isInstanceOf(UnavailableException.class).hasMessage("router is down");

        assertThat(platform.routing(other)).isEqualTo(otherBefore);
        assertThat(platform.routing(app)).isEqualTo(appBefore);
        assertThat(platform.storedDomains(other)).containsExactly("other-shop");
        assertThat(platform.storedDomains(app)).containsExactly("web-shop");
    }

    @Test
    void pushAllReportsTheFailureEvenWhenPuttingBackFailsToo() {
        String other = platform.app("other-shop");
        // other-shop hears of the change, web-shop fails, and putting other-shop back fails too
        platform.simulated.failNext(Operation.ROUTE, app, DrydockException.unavailable("router is down"));
        platform.simulated.beforeNext(Operation.ROUTE, app, () -> platform.simulated.failNext(
                Operation.ROUTE, other, new IllegalStateException("connection refused")));

        assertThatThrownBy(() -> platform.tx.writeVoid(store -> {
            List<Routing> before = RoutingSync.routings(store, List.of(app, other));
            store.domains().insert(new Domain("late.example.com", other, "alice", null, NOW, NOW));
            sync.pushAll(store, before);
        })).isInstanceOf(UnavailableException.class)
                .hasMessage("router is down; the routing of app other-shop could not be put back either");

        assertThat(platform.storedDomains(other)).containsExactly("other-shop");
        assertThat(platform.routing(other).domains()).as("left as the failed write told it")
                .contains("late.example.com");
    }

    /**
     * The first change's routing is held at the scheduler while a second change is made. The
     * second must wait for the first to finish, so the router hears them in the order they were
     * stored and ends with both.
     */
    @Test
    void changesReachTheRouterInTheOrderTheyWereStored() throws Exception {
        CountDownLatch firstIsSending = new CountDownLatch(1);
        CountDownLatch letFirstGo = new CountDownLatch(1);
        platform.simulated.beforeNext(Operation.ROUTE, () -> {
            firstIsSending.countDown();
            awaitOrFail(letFirstGo);
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread a = start(() -> platform.domains.add(OWNER, app, "a.example.com"), failure);
        awaitOrFail(firstIsSending);

        Thread b = start(() -> platform.domains.add(OWNER, app, "b.example.com"), failure);
        // b either runs to its end (its routing was sent outside the write) or parks on the store
        waitUntilParkedOrDone(b);
        letFirstGo.countDown();
        a.join();
        b.join();

        assertThat(failure.get()).isNull();
        assertThat(platform.routing(app).domains()).containsExactly("a.example.com", "b.example.com", "web-shop");
    }

    private static Thread start(Runnable work, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        thread.start();
        return thread;
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("gave up waiting: the test is stuck");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void waitUntilParkedOrDone(Thread thread) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.TERMINATED)
                .contains(thread.getState())) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up waiting: the test is stuck");
            }
            Thread.onSpinWait();
        }
    }
}
