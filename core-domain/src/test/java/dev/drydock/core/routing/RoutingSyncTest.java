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
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingSyncTest {
    private final RoutingTestPlatform platform = new RoutingTestPlatform();
    private final RoutingSync sync = new RoutingSync(platform.tx, platform.simulated);
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

        sync.push(app);

        assertThat(platform.simulated.routing(app)).isEmpty();
    }

    @Test
    void everySchedulerFailureIsUnavailable() {
        platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));
        assertThatThrownBy(() -> sync.push(app)).isInstanceOf(UnavailableException.class).hasMessage("router is down");

        platform.simulated.failNext(Operation.ROUTE, DrydockException.conflict("busy"));
        assertThatThrownBy(() -> sync.push(app)).isInstanceOf(UnavailableException.class)
                .hasMessage("Could not update the routing of app web-shop: busy");

        platform.simulated.failNext(Operation.ROUTE, new IllegalStateException("connection refused"));
        assertThatThrownBy(() -> sync.push(app)).isInstanceOf(UnavailableException.class)
                .hasMessage("Could not update the routing of app web-shop")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void pushAllTriesEveryAppBeforeReportingAFailure() {
        String other = platform.app("other-shop");
        platform.tx.writeVoid(store -> {
            store.domains().insert(new Domain("late.example.com", other, "alice", null, NOW, NOW));
            store.domains().insert(new Domain("new.example.com", app, "alice", null, NOW, NOW));
        });
        // apps are pushed in name order: other-shop first, and it fails
        platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));

        assertThatThrownBy(() -> sync.pushAll(List.of(app, other)))
                .isInstanceOf(UnavailableException.class).hasMessage("router is down");

        assertThat(platform.routing(other).domains()).containsExactly("other-shop");
        assertThat(platform.routing(app).domains()).containsExactly("new.example.com", "web-shop");
    }
}
