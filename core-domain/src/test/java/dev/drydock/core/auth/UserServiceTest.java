package dev.drydock.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.usecase.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserServiceTest {
    private final TestPlatform platform = new TestPlatform();
    private final Users users = platform.core.users();
    private final Caller admin = platform.user("admin");
    private final Caller bob = platform.user("bob");
    private final Caller carol = platform.user("carol");

    private static List<String> names(Page<User> page) {
        return page.results().stream().map(User::username).toList();
    }

    @Test
    void listsEveryUserInJoiningOrderForAdmins() {
        Page<User> all = users.list(admin, PageRequest.FIRST);

        assertThat(names(all)).containsExactly("admin", "bob", "carol");
        assertThat(all.count()).isEqualTo(3);
        Page<User> second = users.list(admin, new PageRequest(1, 1));
        assertThat(names(second)).containsExactly("bob");
        assertThat(second.count()).isEqualTo(3);
    }

    @Test
    void listsTheAdmins() {
        assertThat(names(users.admins(admin, PageRequest.FIRST))).containsExactly("admin");
    }

    @Test
    void refusesUsersWhoAreNotAdminsEverything() {
        assertThatThrownBy(() -> users.list(bob, PageRequest.FIRST)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.admins(bob, PageRequest.FIRST)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.grantAdmin(bob, "bob")).isInstanceOf(ForbiddenException.class)
                .hasMessage("You do not have permission to perform this action.");
        assertThatThrownBy(() -> users.revokeAdmin(bob, "admin")).isInstanceOf(ForbiddenException.class);
        assertThat(names(users.admins(admin, PageRequest.FIRST))).containsExactly("admin");
    }

    @Test
    void grantingAdminRightsMakesSuperuserAndStaff() {
        users.grantAdmin(admin, "carol");

        User stored = platform.storedUser("carol").orElseThrow();
        assertThat(stored.superuser()).isTrue();
        assertThat(stored.staff()).isTrue();
        assertThat(names(users.admins(admin, PageRequest.FIRST))).containsExactly("admin", "carol");
        Caller nowAdmin = platform.core.accounts().authenticate(
                platform.core.accounts().login("carol", TestPlatform.PASSWORD));
        assertThat(platform.core.accounts().whoami(nowAdmin).superuser()).isTrue();
        assertThat(names(users.list(nowAdmin, PageRequest.FIRST))).hasSize(3);
    }

    @Test
    void revokingAdminRightsClearsBothFlagsEvenForTheLastAdmin() {
        users.revokeAdmin(admin, "admin");

        User stored = platform.storedUser("admin").orElseThrow();
        assertThat(stored.superuser()).isFalse();
        assertThat(stored.staff()).isFalse();
    }

    @Test
    void reportsUnknownAndMissingUsers() {
        assertThatThrownBy(() -> users.grantAdmin(admin, "nobody")).isInstanceOf(NotFoundException.class)
                .hasMessage("No User matches the given query.");
        assertThatThrownBy(() -> users.revokeAdmin(admin, "nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.grantAdmin(admin, null)).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(Map.of("username", List.of("This field is required."))));
    }
}
