package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.KeyRepository}. */
public abstract class KeyRepositoryContract extends StoreContract {

    private static Key withPublic(Key key, String publicKey) {
        return new Key(UUID.randomUUID(), key.owner(), key.id(), publicKey, key.fingerprint(), key.created(),
                key.updated());
    }

    @Test
    void aStoredKeyIsFoundByIdPublicTextAndFingerprint() {
        User owner = storedUser();
        Key key = Fixtures.key(unique("mykey@box.local"), owner.username());
        write(s -> s.keys().insert(key));

        assertThat(read((Store s) -> s.keys().find(key.id()))).contains(key);
        assertThat(read((Store s) -> s.keys().findByPublic(key.publicKey()))).contains(key);
        assertThat(read((Store s) -> s.keys().findByFingerprint(key.fingerprint()))).containsExactly(key);
        assertThat(read((Store s) -> s.keys().find(unique("other")))).isEmpty();
        assertThat(read((Store s) -> s.keys().findByPublic(key.publicKey() + "x"))).isEmpty();
        assertThat(read((Store s) -> s.keys().findByFingerprint("00:11"))).isEmpty();
    }

    @Test
    void aTakenIdConflictsWhoeverOwnsIt() {
        User one = storedUser();
        User two = storedUser();
        Key key = Fixtures.key(unique("shared-id"), one.username());
        write(s -> s.keys().insert(key));

        Key sameId = Fixtures.key(key.id(), two.username());
        assertThatThrownBy(() -> write(s -> s.keys().insert(sameId))).isInstanceOf(ConflictException.class)
                .hasMessage("SSH Key with this id already exists.");
        assertThat(read((Store s) -> s.keys().find(key.id()))).contains(key);
        assertThat(read((Store s) -> s.keys().findByPublic(sameId.publicKey()))).isEmpty();
    }

    @Test
    void aTakenPublicTextConflictsWhoeverOwnsIt() {
        User one = storedUser();
        User two = storedUser();
        Key key = Fixtures.key(unique("first"), one.username());
        write(s -> s.keys().insert(key));

        Key samePublic = withPublic(Fixtures.key(unique("second"), two.username()), key.publicKey());
        assertThatThrownBy(() -> write(s -> s.keys().insert(samePublic))).isInstanceOf(ConflictException.class)
                .hasMessage("Public Key is already in use");
        assertThat(read((Store s) -> s.keys().find(samePublic.id()))).isEmpty();
    }

    @Test
    void listByOwnerIsOrderedByPublicTextAndPaged() {
        User owner = storedUser();
        User other = storedUser();
        Key c = withPublic(Fixtures.key(unique("c"), owner.username()), "ssh-rsa CCCC" + unique("k"));
        Key a = withPublic(Fixtures.key(unique("a"), owner.username()), "ecdsa-sha2-nistp256 AAAA" + unique("k"));
        Key b = withPublic(Fixtures.key(unique("b"), owner.username()), "ssh-ed25519 BBBB" + unique("k"));
        Key notMine = Fixtures.key(unique("x"), other.username());
        write(s -> {
            s.keys().insert(c);
            s.keys().insert(a);
            s.keys().insert(b);
            s.keys().insert(notMine);
        });

        assertThat(read((Store s) -> s.keys().listByOwner(owner.username(), PageRequest.ALL)).results())
                .containsExactly(a, b, c);
        Page<Key> second = read((Store s) -> s.keys().listByOwner(owner.username(), new PageRequest(1, 1)));
        assertThat(second.results()).containsExactly(b);
        assertThat(second.count()).isEqualTo(3);
        assertThat(read((Store s) -> s.keys().listByOwner(unique("nobody"), PageRequest.ALL)).count()).isZero();
    }

    @Test
    void deleteRemovesTheKeyAndFreesItsIdAndText() {
        User owner = storedUser();
        Key key = Fixtures.key(unique("gone"), owner.username());
        write(s -> s.keys().insert(key));

        assertThat(tx.write((Store s) -> s.keys().delete(key.id()))).isTrue();
        assertThat(tx.write((Store s) -> s.keys().delete(key.id()))).isFalse();

        assertThat(read((Store s) -> s.keys().find(key.id()))).isEmpty();
        assertThat(read((Store s) -> s.keys().findByPublic(key.publicKey()))).isEmpty();
        assertThat(read((Store s) -> s.keys().findByFingerprint(key.fingerprint()))).isEmpty();
        assertThat(read((Store s) -> s.keys().listByOwner(owner.username(), PageRequest.ALL)).count()).isZero();
        write(s -> s.keys().insert(key));
        assertThat(read((Store s) -> s.keys().find(key.id()))).contains(key);
    }

    @Test
    void oneOwnerMayNotHoldTwoKeysWithOneFingerprint() {
        User one = storedUser();
        User two = storedUser();
        Key key = Fixtures.key(unique("laptop"), one.username());
        write(s -> s.keys().insert(key));

        Key sameKeyOtherComment = withPublic(Fixtures.key(unique("again"), one.username()),
                key.publicKey() + "-copy");
        Key sameKeyOtherOwner = withPublic(Fixtures.key(unique("theirs"), two.username()),
                key.publicKey() + "-theirs");
        Key sameFingerprintForOne = new Key(sameKeyOtherComment.uuid(), one.username(), sameKeyOtherComment.id(),
                sameKeyOtherComment.publicKey(), key.fingerprint(), key.created(), key.updated());
        Key sameFingerprintForTwo = new Key(sameKeyOtherOwner.uuid(), two.username(), sameKeyOtherOwner.id(),
                sameKeyOtherOwner.publicKey(), key.fingerprint(), key.created(), key.updated());

        assertThatThrownBy(() -> write(s -> s.keys().insert(sameFingerprintForOne)))
                .isInstanceOf(ConflictException.class).hasMessage("Key with this Owner and Fingerprint already exists.");
        write(s -> s.keys().insert(sameFingerprintForTwo));

        assertThat(read((Store s) -> s.keys().findByFingerprint(key.fingerprint())))
                .containsExactlyInAnyOrder(key, sameFingerprintForTwo);
    }
}
