package dev.drydock.core.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.auth.TestPlatform;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Collaborators;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CollaboratorServiceTest {
    private final TestPlatform platform = new TestPlatform();
    private final Collaborators collaborators = platform.core.collaborators();
    private final Caller admin = platform.user("admin");
    private final Caller owner = platform.user("owner");
    private final Caller mate = platform.user("mate");
    private final Caller other = platform.user("other");
    private final Caller outsider = platform.user("outsider");

    @BeforeEach
    void app() {
        platform.core.apps().create(owner, Optional.of("web-shop"));
    }

    private List<String> logTail(int lines) {
        return platform.logMessages("web-shop", lines);
    }

    @Nested
    class Sharing {
        @Test
        void theOwnerSharesAndTheCollaboratorCanThenUseTheApp() {
            collaborators.grant(owner, "web-shop", "mate");

            assertThat(collaborators.list(owner, "web-shop")).containsExactly("mate");
            assertThat(platform.core.apps().get(mate, "web-shop").id()).isEqualTo("web-shop");
            assertThat(logTail(1)).containsExactly("User mate was granted access to web-shop");
        }

        @Test
        void anAdminShares() {
            collaborators.grant(admin, "web-shop", "mate");
            collaborators.grant(admin, "web-shop", "other");

            assertThat(collaborators.list(admin, "web-shop")).containsExactly("mate", "other");
        }

        @Test
        void collaboratorsAndOutsidersMayNotShare() {
            collaborators.grant(owner, "web-shop", "mate");

            assertThatThrownBy(() -> collaborators.grant(mate, "web-shop", "other"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> collaborators.grant(outsider, "web-shop", "outsider"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(collaborators.list(owner, "web-shop")).containsExactly("mate");
        }

        @Test
        void sharingTwiceKeepsOneGrantAndTheOwnerNeedsNone() {
            collaborators.grant(owner, "web-shop", "mate");
            collaborators.grant(owner, "web-shop", "mate");
            collaborators.grant(owner, "web-shop", "owner");

            assertThat(collaborators.list(owner, "web-shop")).containsExactly("mate");
        }

        @Test
        void reportsUnknownAppsUsersAndAMissingUsername() {
            assertThatThrownBy(() -> collaborators.grant(owner, "missing", "mate"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
            assertThatThrownBy(() -> collaborators.grant(owner, "web-shop", "nobody"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No User matches the given query.");
            assertThatThrownBy(() -> collaborators.grant(owner, "web-shop", null))
                    .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.fieldErrors())
                            .isEqualTo(Map.of("username", List.of("This field is required."))));
        }
    }

    @Nested
    class Listing {
        @Test
        void ownersCollaboratorsAndAdminsSeeTheListOutsidersDoNot() {
            collaborators.grant(owner, "web-shop", "mate");

            assertThat(collaborators.list(owner, "web-shop")).containsExactly("mate");
            assertThat(collaborators.list(mate, "web-shop")).containsExactly("mate");
            assertThat(collaborators.list(admin, "web-shop")).containsExactly("mate");
            assertThatThrownBy(() -> collaborators.list(outsider, "web-shop"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> collaborators.list(owner, "missing")).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Unsharing {
        @BeforeEach
        void share() {
            collaborators.grant(owner, "web-shop", "mate");
            collaborators.grant(owner, "web-shop", "other");
        }

        @Test
        void theOwnerRemovesACollaboratorWhoThenLosesAccess() {
            collaborators.revoke(owner, "web-shop", "mate");

            assertThat(collaborators.list(owner, "web-shop")).containsExactly("other");
            assertThatThrownBy(() -> platform.core.apps().get(mate, "web-shop"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(logTail(1)).containsExactly("User mate was revoked access to web-shop");
        }

        @Test
        void anAdminRemovesAnyCollaborator() {
            collaborators.revoke(admin, "web-shop", "other");

            assertThat(collaborators.list(owner, "web-shop")).containsExactly("mate");
        }

        @Test
        void aCollaboratorMayRemoveThemselvesButNotOthers() {
            assertThatThrownBy(() -> collaborators.revoke(mate, "web-shop", "other"))
                    .isInstanceOf(ForbiddenException.class);

            collaborators.revoke(mate, "web-shop", "mate");

            assertThat(collaborators.list(owner, "web-shop")).containsExactly("other");
        }

        @Test
        void outsidersMayRemoveNobody() {
            assertThatThrownBy(() -> collaborators.revoke(outsider, "web-shop", "mate"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(collaborators.list(owner, "web-shop")).containsExactly("mate", "other");
        }

        @Test
        void refusesRemovingAUserWhoHoldsNoGrant() {
            assertThatThrownBy(() -> collaborators.revoke(owner, "web-shop", "outsider"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> collaborators.revoke(owner, "web-shop", "owner"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> collaborators.revoke(outsider, "web-shop", "outsider"))
                    .isInstanceOf(ForbiddenException.class);
        }

        @Test
        void reportsUnknownAppsAndUsers() {
            assertThatThrownBy(() -> collaborators.revoke(owner, "missing", "mate"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
            assertThatThrownBy(() -> collaborators.revoke(owner, "web-shop", "nobody"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No User matches the given query.");
        }
    }
}
