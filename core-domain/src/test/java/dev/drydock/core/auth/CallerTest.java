package dev.drydock.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.DrydockCore;
import dev.drydock.ports.error.ErrorKind;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.ConfigChange;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A caller names a user; what it may do is what that user may do at each use. */
class CallerTest {
    private final TestPlatform platform = new TestPlatform();
    private final DrydockCore core = platform.core;
    private final Caller root = platform.user("root");
    private final Caller bob = platform.user("bob");

    @Test
    void aCallerTheCoreDidNotHandOutIsRefusedAndChangesNothing() {
        Caller forged = new Caller.Issuer().issue("root");

        assertThatThrownBy(() -> core.apps().create(forged, Optional.of("forged-app")))
                .isInstanceOf(UnauthorizedException.class).hasMessage(Caller.NOT_ISSUED);
        assertThatThrownBy(() -> core.users().list(forged, PageRequest.FIRST))
                .isInstanceOf(UnauthorizedException.class)
                .extracting(e -> ((UnauthorizedException) e).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThatThrownBy(() -> core.users().grantAdmin(forged, "bob")).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> core.accounts().whoami(forged)).isInstanceOf(UnauthorizedException.class);

        assertThat(core.apps().list(root, PageRequest.FIRST).results()).isEmpty();
        assertThat(platform.storedUser("bob").orElseThrow().superuser()).isFalse();
    }

    @Test
    void anAdminWhoseRightsWereRevokedCannotActAsOneWithTheCallerKeptFromBefore() {
        core.users().grantAdmin(root, "bob");
        Caller bobAsAdmin = core.accounts().authenticate(core.accounts().login("bob", TestPlatform.PASSWORD));
        App rootsApp = core.apps().create(root, Optional.of("roots-app"));
        assertThat(core.users().list(bobAsAdmin, PageRequest.FIRST).count()).isEqualTo(2);

        core.users().revokeAdmin(root, "bob");

        assertThatThrownBy(() -> core.users().list(bobAsAdmin, PageRequest.FIRST))
                .isInstanceOf(ForbiddenException.class).hasMessage(ForbiddenException.DEFAULT);
        assertThatThrownBy(() -> core.users().grantAdmin(bobAsAdmin, "bob")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> core.apps().get(bobAsAdmin, rootsApp.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> core.configs().set(bobAsAdmin, rootsApp.id(), ConfigChange.empty().set("A", "1")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(core.apps().list(bobAsAdmin, PageRequest.FIRST).results()).isEmpty();
        assertThat(platform.storedUser("bob").orElseThrow().superuser()).isFalse();
    }

    @Test
    void aUserMadeAdminAfterTheCallerWasHandedOutActsAsOneAtOnce() {
        assertThatThrownBy(() -> core.users().list(bob, PageRequest.FIRST)).isInstanceOf(ForbiddenException.class);

        core.users().grantAdmin(root, "bob");

        assertThat(core.users().list(bob, PageRequest.FIRST).count()).isEqualTo(2);
    }

    @Test
    void theCallerOfARemovedAccountIsRefused() {
        core.accounts().cancel(root, Optional.of("bob"));

        assertThatThrownBy(() -> core.apps().create(bob, Optional.of("orphan")))
                .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");
        assertThatThrownBy(() -> core.apps().list(bob, PageRequest.FIRST))
                .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");
        assertThatThrownBy(() -> core.keys().list(bob, PageRequest.FIRST)).isInstanceOf(UnauthorizedException.class);
        assertThat(core.apps().list(root, PageRequest.FIRST).results()).isEmpty();
    }

    @Test
    void theCallerOfADisabledAccountIsRefusedForReadsToo() {
        App shared = core.apps().create(root, Optional.of("shared"));
        core.collaborators().grant(root, shared.id(), "bob");
        assertThat(core.apps().get(bob, shared.id()).id()).isEqualTo("shared");

        platform.deactivate("bob");

        assertThatThrownBy(() -> core.apps().get(bob, shared.id()))
                .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");
        assertThatThrownBy(() -> core.releases().list(bob, shared.id(), PageRequest.FIRST))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void anEmbedderActsAsAnExistingUserWithoutAPassword() {
        Caller ada = platform.user("ada");
        Caller asAda = core.accounts().actAs(" ada ");

        assertThat(asAda.username()).isEqualTo("ada");
        assertThat(asAda).isEqualTo(ada);
        assertThat(core.apps().create(asAda, Optional.of("adas-app")).owner()).isEqualTo("ada");
        assertThat(core.accounts().whoami(asAda).email()).isEqualTo("ada@example.com");
        assertThatThrownBy(() -> core.users().list(asAda, PageRequest.FIRST)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void actingAsAnUnknownOrDisabledUserIsRefused() {
        assertThatThrownBy(() -> core.accounts().actAs("nobody"))
                .isInstanceOf(NotFoundException.class).hasMessage("No User matches the given query.");

        platform.deactivate("bob");

        assertThatThrownBy(() -> core.accounts().actAs("bob"))
                .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");
    }
}
