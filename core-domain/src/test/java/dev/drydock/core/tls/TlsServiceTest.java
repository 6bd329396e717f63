package dev.drydock.core.tls;

import static dev.drydock.core.routing.RoutingTestPlatform.ADMIN;
import static dev.drydock.core.routing.RoutingTestPlatform.COLLABORATOR;
import static dev.drydock.core.routing.RoutingTestPlatform.NOW;
import static dev.drydock.core.routing.RoutingTestPlatform.OUTSIDER;
import static dev.drydock.core.routing.RoutingTestPlatform.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Access;
import dev.drydock.core.routing.RoutingTestPlatform;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.usecase.TlsSettings;
import org.junit.jupiter.api.Test;

class TlsServiceTest {
    private final RoutingTestPlatform platform = new RoutingTestPlatform();
    private final TlsSettings tls = platform.tls;
    private final String app = platform.app("web-shop");

    @Test
    void aNewAppHasNoSettingYetAndIsNotEnforced() {
        Tls initial = tls.get(OWNER, app);

        assertThat(initial.httpsEnforced()).isNull();
        assertThat(initial.app()).isEqualTo(app);
        assertThat(platform.routing(app).httpsEnforced()).isFalse();
    }

    @Test
    void settingMakesANewRowOwnedByTheCallerAndTellsTheCluster() {
        Tls before = tls.get(OWNER, app);

        Tls set = tls.set(COLLABORATOR, app, true);

        assertThat(set.httpsEnforced()).isTrue();
        assertThat(set.owner()).isEqualTo("carol");
        assertThat(set.uuid()).isNotEqualTo(before.uuid());
        assertThat(set.created()).isEqualTo(NOW);
        assertThat(tls.get(OWNER, app)).isEqualTo(set);
        assertThat(platform.routing(app).httpsEnforced()).isTrue();

        tls.set(ADMIN, app, false);
        assertThat(tls.get(COLLABORATOR, app).httpsEnforced()).isFalse();
        assertThat(platform.routing(app).httpsEnforced()).isFalse();
    }

    @Test
    void refusesACallerDeactivatedAfterTheirTokenWasChecked() {
        Tls before = tls.get(OWNER, app);
        platform.beforeNextWrite(() -> platform.deactivate(COLLABORATOR));

        assertThatThrownBy(() -> tls.set(COLLABORATOR, app, true))
                .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

        assertThat(tls.get(OWNER, app)).isEqualTo(before);
        assertThat(platform.routing(app).httpsEnforced()).isFalse();
    }

    @Test
    void theFirstFalseIsAChangeTheSameValueAgainIsNot() {
        tls.set(OWNER, app, false);

        assertThatThrownBy(() -> tls.set(OWNER, app, false))
                .isInstanceOf(ConflictException.class).hasMessage("alice changed nothing");
        tls.set(OWNER, app, true);
        assertThatThrownBy(() -> tls.set(COLLABORATOR, app, true))
                .isInstanceOf(ConflictException.class).hasMessage("carol changed nothing");
        assertThat(tls.get(OWNER, app).owner()).isEqualTo("alice");
    }

    @Test
    void makesNoRelease() {
        tls.set(OWNER, app, true);

        int releases = platform.tx.read(store -> store.releases().maxVersion(app));
        assertThat(releases).isEqualTo(1);
    }

    @Test
    void outsidersMayNeitherReadNorChangeIt() {
        assertThatThrownBy(() -> tls.get(OUTSIDER, app)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tls.set(OUTSIDER, app, true)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tls.get(OWNER, "no-such-app"))
                .isInstanceOf(NotFoundException.class).hasMessage(Access.NO_APP);
        assertThat(tls.get(OWNER, app).httpsEnforced()).isNull();
    }

    @Test
    void aRoutingFailureChangesNothingAndTheRetryWorks() {
        Tls before = tls.get(OWNER, app);
        platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));

        assertThatThrownBy(() -> tls.set(OWNER, app, true))
                .isInstanceOf(UnavailableException.class).hasMessage("router is down");

        assertThat(tls.get(OWNER, app)).isEqualTo(before);
        assertThat(platform.routing(app).httpsEnforced()).isFalse();

        assertThat(tls.set(OWNER, app, true).httpsEnforced()).isTrue();
        assertThat(platform.routing(app).httpsEnforced()).isTrue();
    }
}
