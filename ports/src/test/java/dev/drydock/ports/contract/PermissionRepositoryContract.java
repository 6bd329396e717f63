package dev.drydock.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.PermissionRepository}. */
public abstract class PermissionRepositoryContract extends StoreContract {

    @Test
    void aGrantIsHeldUntilRevoked() {
        User owner = storedUser();
        User friend = storedUser();
        App app = storedApp(owner.username());

        assertThat(read((Store s) -> s.permissions().has(app.id(), friend.username()))).isFalse();
        write(s -> s.permissions().grant(app.id(), friend.username()));
        assertThat(read((Store s) -> s.permissions().has(app.id(), friend.username()))).isTrue();
        assertThat(read((Store s) -> s.permissions().has(app.id(), owner.username()))).isFalse();

        assertThat(tx.write((Store s) -> s.permissions().revoke(app.id(), friend.username()))).isTrue();
        assertThat(read((Store s) -> s.permissions().has(app.id(), friend.username()))).isFalse();
        assertThat(tx.write((Store s) -> s.permissions().revoke(app.id(), friend.username()))).isFalse();
    }

    @Test
    void usersAreSortedByUsername() {
        User owner = storedUser();
        User zoe = Fixtures.user("zoe-" + Fixtures.unique("u"));
        User bob = Fixtures.user("bob-" + Fixtures.unique("u"));
        User kim = Fixtures.user("kim-" + Fixtures.unique("u"));
        App app = storedApp(owner.username());
        write(s -> {
            s.users().insert(zoe);
            s.users().insert(bob);
            s.users().insert(kim);
            s.permissions().grant(app.id(), zoe.username());
            s.permissions().grant(app.id(), bob.username());
            s.permissions().grant(app.id(), kim.username());
        });

        assertThat(read((Store s) -> s.permissions().users(app.id())))
                .containsExactly(bob.username(), kim.username(), zoe.username());
    }

    @Test
    void aGrantOnAMissingAppIsNotFound() {
        User friend = storedUser();
        String ghost = Fixtures.unique("ghost");

        assertThatThrownBy(() -> write(s -> s.permissions().grant(ghost, friend.username())))
                .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
        assertThat(read((Store s) -> s.permissions().users(ghost))).isEmpty();
    }

    @Test
    void grantingTwiceKeepsOneGrant() {
        User owner = storedUser();
        User friend = storedUser();
        App app = storedApp(owner.username());

        write(s -> s.permissions().grant(app.id(), friend.username()));
        write(s -> s.permissions().grant(app.id(), friend.username()));

        assertThat(read((Store s) -> s.permissions().users(app.id()))).containsExactly(friend.username());
        assertThat(tx.write((Store s) -> s.permissions().revoke(app.id(), friend.username()))).isTrue();
        assertThat(read((Store s) -> s.permissions().has(app.id(), friend.username()))).isFalse();
    }

    @Test
    void grantsBelongToOneApp() {
        User owner = storedUser();
        User friend = storedUser();
        App one = storedApp(owner.username());
        App two = storedApp(owner.username());

        write(s -> s.permissions().grant(one.id(), friend.username()));

        assertThat(read((Store s) -> s.permissions().has(two.id(), friend.username()))).isFalse();
        assertThat(read((Store s) -> s.permissions().users(two.id()))).isEmpty();
    }
}
