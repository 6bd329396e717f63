package dev.drydock.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.auth.TestPlatform;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Keys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class KeyServiceTest {
    private final TestPlatform platform = new TestPlatform();
    private final Keys keys = platform.core.keys();
    private final Caller admin = platform.user("admin");
    private final Caller bob = platform.user("bob");

    private static void assertFieldErrors(ThrowingCallable call, Map<String, List<String>> expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(expected));
    }

    @Test
    void addsAKeyWithItsFingerprint() throws Exception {
        String text = OpenSshKeys.ed25519("bob@laptop");

        Key key = keys.add(bob, "bob@laptop", "  " + text + "\n");

        assertThat(key.id()).isEqualTo("bob@laptop");
        assertThat(key.owner()).isEqualTo("bob");
        assertThat(key.publicKey()).isEqualTo(text);
        assertThat(key.fingerprint()).isEqualTo(SshPublicKey.parse(text).fingerprint());
        assertThat(key.created()).isEqualTo(TestPlatform.NOW);
        assertThat(keys.get(bob, "bob@laptop")).isEqualTo(key);
    }

    @Test
    void acceptsIdsOfAnyShapeUpTo128Characters() throws Exception {
        assertThat(keys.add(bob, "work/laptop@example.com", OpenSshKeys.ed25519("")).id())
                .isEqualTo("work/laptop@example.com");
        assertThat(keys.add(bob, "k".repeat(128), OpenSshKeys.ed25519("")).id()).hasSize(128);
        assertFieldErrors(() -> keys.add(bob, "k".repeat(129), OpenSshKeys.ed25519("")),
                Map.of("id", List.of("Ensure this field has no more than 128 characters.")));
    }

    @Test
    void reportsMissingAndBlankFields() {
        assertFieldErrors(() -> keys.add(bob, null, null), Map.of(
                "id", List.of("This field is required."),
                "public", List.of("This field is required.")));
        assertFieldErrors(() -> keys.add(bob, " ", ""), Map.of(
                "id", List.of("This field may not be blank."),
                "public", List.of("This field may not be blank.")));
    }

    @Test
    void reportsBadKeyTextUnderPublic() {
        assertFieldErrors(() -> keys.add(bob, "mykey", "ssh-rsa foo_bar"),
                Map.of("public", List.of("Key contains invalid base64 chars")));
    }

    @Test
    void keyIdsAreUniqueAcrossUsers() throws Exception {
        keys.add(bob, "laptop", OpenSshKeys.ed25519(""));

        assertFieldErrors(() -> keys.add(admin, "laptop", OpenSshKeys.ed25519("")),
                Map.of("id", List.of("SSH Key with this id already exists.")));
    }

    @Test
    void aKeyCanBeAddedOnlyOnceWhateverItsComment() throws Exception {
        String text = OpenSshKeys.ecdsa(256, "first");
        keys.add(bob, "one", text);

        Map<String, List<String>> inUse = Map.of("public", List.of("Public Key is already in use"));
        assertFieldErrors(() -> keys.add(bob, "two", text), inUse);
        assertFieldErrors(() -> keys.add(admin, "two", text), inUse);
        assertFieldErrors(() -> keys.add(admin, "two", text.replace(" first", " other comment")), inUse);
        assertFieldErrors(() -> keys.add(admin, "one", text), Map.of(
                "id", List.of("SSH Key with this id already exists."),
                "public", List.of("Public Key is already in use")));
    }

    @Test
    void listsOnlyTheCallersKeysOrderedByKeyText() throws Exception {
        String a = OpenSshKeys.ed25519("a");
        String b = OpenSshKeys.rsa(2048, "b");
        String c = OpenSshKeys.ecdsa(384, "c");
        keys.add(bob, "b", b);
        keys.add(bob, "c", c);
        keys.add(admin, "a", a);

        Page<Key> page = keys.list(bob, PageRequest.FIRST);

        assertThat(page.results()).extracting(Key::publicKey).containsExactlyElementsOf(
                List.of(b, c).stream().sorted().toList());
        assertThat(page.count()).isEqualTo(2);
        assertThat(keys.list(admin, PageRequest.FIRST).results()).extracting(Key::id).containsExactly("a");
    }

    @Test
    void hidesOtherUsersKeysEvenFromAdmins() throws Exception {
        keys.add(bob, "bobs", OpenSshKeys.ed25519(""));

        assertThatThrownBy(() -> keys.get(admin, "bobs")).isInstanceOf(NotFoundException.class)
                .hasMessage("No Key matches the given query.");
        assertThatThrownBy(() -> keys.delete(admin, "bobs")).isInstanceOf(NotFoundException.class)
                .hasMessage("No Key matches the given query.");
        assertThat(keys.get(bob, "bobs").id()).isEqualTo("bobs");
    }

    @Test
    void deletesOwnKeysAndFreesTheirIdAndText() throws Exception {
        String text = OpenSshKeys.ed25519("");
        keys.add(bob, "laptop", text);

        keys.delete(bob, "laptop");

        assertThatThrownBy(() -> keys.get(bob, "laptop")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> keys.delete(bob, "laptop")).isInstanceOf(NotFoundException.class);
        assertThat(keys.add(admin, "laptop", text).owner()).isEqualTo("admin");
    }

    @Test
    void refusesACallerWhoseAccountWasRemovedAfterTheirTokenWasChecked() throws Exception {
        String text = OpenSshKeys.ed25519("bob@laptop");
        platform.beforeNextWrite(() -> platform.core.accounts().cancel(bob, Optional.empty()));

        assertThatThrownBy(() -> keys.add(bob, "bob@laptop", text)).isInstanceOf(UnauthorizedException.class)
                .hasMessage("User inactive or deleted.");

        assertThat(platform.storedKey("bob@laptop")).isEmpty();
    }

    @Test
    void refusesKeyTextThatSmugglesASecondLine() throws Exception {
        String smuggled = OpenSshKeys.ed25519("c") + "\ncommand=\"sh\" " + OpenSshKeys.rsa(2048, "x");
        Map<String, List<String>> oneLine = Map.of("public", List.of(
                "Key must be a single line with no control characters"));

        assertFieldErrors(() -> keys.add(bob, "two-lines", smuggled), oneLine);
        assertFieldErrors(() -> keys.add(bob, "cr", OpenSshKeys.ed25519("c") + "\rx"), oneLine);
        assertFieldErrors(() -> keys.add(bob, "nul", OpenSshKeys.ed25519("a\u0000b")), oneLine);

        assertThat(platform.storedKey("two-lines")).isEmpty();
        assertThat(keys.list(bob, PageRequest.FIRST).count()).isZero();
    }

    @Test
    void refusesIdsEndingInASlashWhichNoUrlCouldReach() throws Exception {
        assertFieldErrors(() -> keys.add(bob, "work/", OpenSshKeys.ed25519("")),
                Map.of("id", List.of("Key ids cannot end with a slash.")));
        assertFieldErrors(() -> keys.add(bob, "/", OpenSshKeys.ed25519("")),
                Map.of("id", List.of("Key ids cannot end with a slash.")));

        assertThat(keys.add(bob, "/work", OpenSshKeys.ed25519("")).id()).isEqualTo("/work");
    }
}
