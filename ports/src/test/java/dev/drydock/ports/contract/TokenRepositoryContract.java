package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.TokenRepository}. */
public abstract class TokenRepositoryContract extends StoreContract {

    @Test
    void aDigestLeadsToItsUser() {
        User user = storedUser();
        String digest = unique("digest");
        write(s -> s.tokens().add(digest, user.username()));

        assertThat(read((Store s) -> s.tokens().owner(digest))).contains(user.username());
        assertThat(read((Store s) -> s.tokens().owner(unique("digest")))).isEmpty();
    }

    @Test
    void theHolderOfADigestIsTheWholeAccount() {
        User user = storedUser();
        String digest = unique("digest");
        write(s -> s.tokens().add(digest, user.username()));

        assertThat(read((Store s) -> s.tokens().holder(digest))).contains(user);
        assertThat(read((Store s) -> s.tokens().holder(unique("digest")))).isEmpty();

        write(s -> s.tokens().revokeAll(user.username()));
        assertThat(read((Store s) -> s.tokens().holder(digest))).isEmpty();
    }

    @Test
    void theHolderIsTheAccountAsItIsNow() {
        User user = storedUser();
        String digest = unique("digest");
        write(s -> s.tokens().add(digest, user.username()));
        assertThat(read((Store s) -> s.tokens().holder(digest))).contains(user);

        User admin = user.withSuperuser(true);
        write(s -> s.users().update(admin));
        assertThat(read((Store s) -> s.tokens().holder(digest))).contains(admin);

        write(s -> s.users().delete(user.username()));
        assertThat(read((Store s) -> s.tokens().holder(digest))).isEmpty();
    }

    @Test
    void aRevokeThatFailsRevokesNothing() {
        User user = storedUser();
        String digest = unique("digest");
        write(s -> s.tokens().add(digest, user.username()));
        assertThat(read((Store s) -> s.tokens().holder(digest))).contains(user);

        try {
            write(s -> {
                s.tokens().revokeEveryone();
                throw new IllegalStateException("the write fails after the revoke");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(read((Store s) -> s.tokens().holder(digest))).contains(user);
        write(s -> s.tokens().revokeEveryone());
        assertThat(read((Store s) -> s.tokens().holder(digest))).isEmpty();
    }

    @Test
    void aUserMayHoldSeveralTokens() {
        User user = storedUser();
        String first = unique("digest");
        String second = unique("digest");
        write(s -> s.tokens().add(first, user.username()));
        write(s -> s.tokens().add(second, user.username()));

        assertThat(read((Store s) -> s.tokens().owner(first))).contains(user.username());
        assertThat(read((Store s) -> s.tokens().owner(second))).contains(user.username());
    }

    @Test
    void revokeAllRevokesOnlyThatUsersTokens() {
        User leaving = storedUser();
        User staying = storedUser();
        String a = unique("digest");
        String b = unique("digest");
        String kept = unique("digest");
        write(s -> {
            s.tokens().add(a, leaving.username());
            s.tokens().add(b, leaving.username());
            s.tokens().add(kept, staying.username());
        });

        write(s -> s.tokens().revokeAll(leaving.username()));

        assertThat(read((Store s) -> s.tokens().owner(a))).isEmpty();
        assertThat(read((Store s) -> s.tokens().owner(b))).isEmpty();
        assertThat(read((Store s) -> s.tokens().owner(kept))).contains(staying.username());
    }

    @Test
    void revokeAllOfAUserWithoutTokensIsHarmless() {
        User user = storedUser();

        write(s -> s.tokens().revokeAll(user.username()));

        assertThat(read((Store s) -> s.users().find(user.username()))).isPresent();
    }

    @Test
    void revokeEveryoneRevokesEveryToken() {
        User one = storedUser();
        User two = storedUser();
        String a = unique("digest");
        String b = unique("digest");
        write(s -> {
            s.tokens().add(a, one.username());
            s.tokens().add(b, two.username());
        });

        write(s -> s.tokens().revokeEveryone());

        assertThat(read((Store s) -> s.tokens().owner(a))).isEmpty();
        assertThat(read((Store s) -> s.tokens().owner(b))).isEmpty();
    }

    @Test
    void aNewTokenWorksAfterRevocation() {
        User user = storedUser();
        String old = unique("digest");
        write(s -> s.tokens().add(old, user.username()));
        write(s -> s.tokens().revokeAll(user.username()));

        String fresh = unique("digest");
        write(s -> s.tokens().add(fresh, user.username()));

        assertThat(read((Store s) -> s.tokens().owner(fresh))).contains(user.username());
        assertThat(read((Store s) -> s.tokens().owner(old))).isEmpty();
    }
}
