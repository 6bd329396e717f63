package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.UserRepository}. */
public abstract class UserRepositoryContract extends StoreContract {

    @Test
    void aStoredUserIsFoundByExactUsername() {
        User user = Fixtures.user(unique("alice"));
        write(s -> s.users().insert(user));

        assertThat(read((Store s) -> s.users().find(user.username()))).contains(user);
        assertThat(read((Store s) -> s.users().find(user.username().toUpperCase()))).isEmpty();
        assertThat(read((Store s) -> s.users().find(unique("nobody")))).isEmpty();
    }

    @Test
    void aTakenUsernameConflicts() {
        User user = storedUser();
        User again = Fixtures.user(user.username());

        assertThatThrownBy(() -> write(s -> s.users().insert(again))).isInstanceOf(ConflictException.class)
                .hasMessage("A user with that username already exists.");
        assertThat(read((Store s) -> s.users().find(user.username()))).contains(user);
    }

    @Test
    void lockGivesTheUserInsideAWrite() {
        User user = storedUser();

        assertThat(tx.write((Store s) -> s.users().lock(user.username()))).contains(user);
        assertThat(tx.write((Store s) -> s.users().lock(unique("nobody")))).isEmpty();
        write(s -> s.users().lockSignUps());
        assertThatThrownBy(() -> read((Store s) -> s.users().lock(user.username())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read((Store s) -> {
            s.users().lockSignUps();
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updateReplacesTheStoredUser() {
        User user = storedUser();
        User changed = user.withSuperuser(true).withPasswordHash("pbkdf2_sha256$600000$other$digest")
                .withLastLogin(Fixtures.now());

        write(s -> s.users().update(changed));

        assertThat(read((Store s) -> s.users().find(user.username()))).contains(changed);
    }

    @Test
    void updatingAMissingUserIsNotFound() {
        User ghost = Fixtures.user(unique("ghost"));

        assertThatThrownBy(() -> write(s -> s.users().update(ghost))).isInstanceOf(NotFoundException.class);
        assertThat(read((Store s) -> s.users().find(ghost.username()))).isEmpty();
    }

    @Test
    void listKeepsJoinOrderNotNameOrder() {
        User zed = Fixtures.user(unique("zed"));
        User amy = Fixtures.user(unique("amy"));
        User max = Fixtures.user(unique("max"));
        write(s -> {
            s.users().insert(zed);
            s.users().insert(amy);
        });
        write(s -> s.users().insert(max));

        List<String> mine = read((Store s) -> s.users().list(PageRequest.ALL)).results().stream()
                .map(User::username)
                .filter(Set.of(zed.username(), amy.username(), max.username())::contains)
                .toList();
        assertThat(mine).containsExactly(zed.username(), amy.username(), max.username());
    }

    @Test
    void listPagesWithLimitAndCount() {
        storedUser();
        storedUser();
        storedUser();

        var page = read((Store s) -> s.users().list(new PageRequest(2, 1)));

        assertThat(page.results()).hasSize(2);
        assertThat(page.count()).isGreaterThanOrEqualTo(3);
        assertThat(read((Store s) -> s.users().list(new PageRequest(1, Integer.MAX_VALUE))).results()).isEmpty();
    }

    @Test
    void superusersAreTheActiveOnesInJoinOrder() {
        User second = Fixtures.user(unique("root"), true);
        User plain = Fixtures.user(unique("plain"));
        User first = Fixtures.user(unique("admin"), true);
        User inactive = new User(unique("gone"), "", "", "", true, true, false, null, Fixtures.now(), "x");
        write(s -> {
            s.users().insert(first);
            s.users().insert(plain);
            s.users().insert(inactive);
            s.users().insert(second);
        });
        write(s -> s.users().update(plain.withSuperuser(true)));
        write(s -> s.users().update(second.withSuperuser(false)));
        write(s -> s.users().update(second.withSuperuser(true)));

        Set<String> mine = Set.of(first.username(), plain.username(), inactive.username(), second.username());
        List<String> supers = read((Store s) -> s.users().superusers(PageRequest.ALL)).results().stream()
                .map(User::username).filter(mine::contains).toList();
        assertThat(supers).containsExactly(first.username(), plain.username(), second.username());
        assertThat(read((Store s) -> s.users().anySuperuser())).isTrue();
    }

    @Test
    void deleteRemovesTheUserWithKeysTokensAndGrants() {
        User owner = storedUser();
        User leaving = storedUser();
        App app = storedApp(owner.username());
        Key key = Fixtures.key(unique("laptop"), leaving.username());
        String digest = unique("digest");
        write(s -> {
            s.keys().insert(key);
            s.tokens().add(digest, leaving.username());
            s.permissions().grant(app.id(), leaving.username());
        });

        write(s -> s.users().delete(leaving.username()));

        assertThat(read((Store s) -> s.users().find(leaving.username()))).isEmpty();
        assertThat(read((Store s) -> s.keys().find(key.id()))).isEmpty();
        assertThat(read((Store s) -> s.keys().findByPublic(key.publicKey()))).isEmpty();
        assertThat(read((Store s) -> s.tokens().owner(digest))).isEmpty();
        assertThat(read((Store s) -> s.permissions().users(app.id()))).isEmpty();
        assertThat(read((Store s) -> s.apps().find(app.id()))).isPresent();
        assertThat(read((Store s) -> s.users().list(PageRequest.ALL)).results()).extracting(User::username)
                .doesNotContain(leaving.username());
    }

    @Test
    void theUsernameIsFreeAgainAfterDelete() {
        User user = storedUser();
        write(s -> s.users().delete(user.username()));

        User again = Fixtures.user(user.username());
        write(s -> s.users().insert(again));

        assertThat(read((Store s) -> s.users().find(user.username()))).contains(again);
    }

    @Test
    void deletingAMissingUserIsNotFound() {
        assertThatThrownBy(() -> write(s -> s.users().delete(unique("ghost")))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void ownsRecordsIsFalseForAUserWhoMadeNoAppRows() {
        User owner = storedUser();
        User user = storedUser();
        App app = storedApp(owner.username());
        storedConfig(app);
        write(s -> {
            s.keys().insert(Fixtures.key(unique("laptop"), user.username()));
            s.tokens().add(unique("digest"), user.username());
            s.permissions().grant(app.id(), user.username());
            // Certificates are not app rows; callers check them on their own.
            s.certificates().insert(Fixtures.certificate(unique("cert"), user.username()));
        });

        assertThat(read((Store s) -> s.users().ownsRecords(user.username()))).isFalse();
        assertThat(read((Store s) -> s.users().ownsRecords(unique("nobody")))).isFalse();
    }

    @Test
    void ownsRecordsSeesEachKindOfRowTheUserMadeOnSomeoneElsesApp() {
        Map<String, BiConsumer<App, String>> kinds = new LinkedHashMap<>();
        kinds.put("config", (app, user) -> write(s -> s.configs().insert(Fixtures.config(app.id(), user))));
        kinds.put("build", (app, user) -> write(s -> s.builds().insert(Fixtures.build(app.id(), user))));
        kinds.put("release", (app, user) -> {
            Config config = storedConfig(app);
            write(s -> s.releases().insert(Fixtures.release(app.id(), user, 2, config, null)));
        });
        kinds.put("domain", (app, user) -> write(s -> s.domains().insert(
                Fixtures.domain(unique("www") + ".example.com", app.id(), user))));
        kinds.put("tls", (app, user) -> write(s -> s.tls().insert(Fixtures.tls(app.id(), user, true))));

        kinds.forEach((kind, make) -> {
            User owner = storedUser();
            User collaborator = storedUser();
            App app = storedApp(owner.username());
            make.accept(app, collaborator.username());

            assertThat(read((Store s) -> s.users().ownsRecords(collaborator.username()))).as(kind).isTrue();
        });
    }

    @Test
    void ownsRecordsSeesRowsOnTheUsersOwnAppsToo() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Build build = Fixtures.build(app.id(), owner.username());
        write(s -> s.builds().insert(build));

        assertThat(read((Store s) -> s.users().ownsRecords(owner.username()))).isTrue();
    }

    @Test
    void ownsRecordsIsFalseOnceTheAppWithTheRowsIsGone() {
        User owner = storedUser();
        User collaborator = storedUser();
        App app = storedApp(owner.username());
        write(s -> s.configs().insert(Fixtures.config(app.id(), collaborator.username())));

        write(s -> s.apps().delete(app.id()));

        assertThat(read((Store s) -> s.users().ownsRecords(collaborator.username()))).isFalse();
    }
}
