package dev.drydock.core.auth;

import static dev.drydock.core.auth.TestPlatform.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings;
import dev.drydock.core.Settings.RegistrationMode;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.User;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.PasswordChange;
import dev.drydock.ports.usecase.Registration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private TestPlatform platform = new TestPlatform();
    private Accounts accounts = platform.core.accounts();

    private static Registration registration(String username, String password) {
        return new Registration(username, password, null, null, null);
    }

    private User register(String username) {
        return accounts.register(Optional.empty(), registration(username, PASSWORD));
    }

    private static void assertFieldErrors(ThrowingCallable call, Map<String, List<String>> expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(expected));
    }

    private static void assertRefused(ThrowingCallable call, Class<? extends RuntimeException> kind, String message) {
        assertThatThrownBy(call).isInstanceOf(kind).hasMessage(message);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private void usePlatform(Settings settings) {
        platform = new TestPlatform(settings);
        accounts = platform.core.accounts();
    }

    @Nested
    class Registering {
        @Test
        void theFirstUserBecomesSuperuserAndStaffAndLaterOnesDoNot() {
            User first = register("alice");
            User second = register("bob");

            assertThat(first.superuser()).isTrue();
            assertThat(first.staff()).isTrue();
            assertThat(second.superuser()).isFalse();
            assertThat(second.staff()).isFalse();
        }

        @Test
        void storesActiveUsersWithTheirDetailsAndASlowHashOfThePassword() {
            User user = accounts.register(Optional.empty(),
                    new Registration("  alice ", PASSWORD, "alice@example.com", "Alice", "Liddell"));

            assertThat(user.username()).isEqualTo("alice");
            assertThat(user.email()).isEqualTo("alice@example.com");
            assertThat(user.firstName()).isEqualTo("Alice");
            assertThat(user.lastName()).isEqualTo("Liddell");
            assertThat(user.active()).isTrue();
            assertThat(user.dateJoined()).isEqualTo(TestPlatform.NOW);
            assertThat(user.lastLogin()).isEqualTo(TestPlatform.NOW);
            assertThat(user.passwordHash()).startsWith("pbkdf2_sha256$1000$").doesNotContain(PASSWORD);
            assertThat(platform.storedUser("alice")).contains(user);
        }

        @Test
        void acceptsUnicodeLettersAndTheAllowedPunctuation() {
            assertThat(register("jörg.o+x@y-z_1").username()).isEqualTo("jörg.o+x@y-z_1");
            assertFieldErrors(() -> register("o'brien"), Map.of("username", List.of(
                    "Enter a valid username. This value may contain only letters, numbers, "
                            + "and @/./+/-/_ characters.")));
        }

        @Test
        void anyoneMayRegisterWhenEnabled() {
            register("alice");
            Caller alice = accounts.actAs("alice");

            assertThat(accounts.register(Optional.of(alice), registration("carol", PASSWORD)).username())
                    .isEqualTo("carol");
        }

        @Test
        void nobodyMayRegisterWhenDisabledNotEvenTheFirstUser() {
            usePlatform(Settings.defaults().withRegistrationMode(RegistrationMode.DISABLED));

            assertRefused(() -> register("alice"), ForbiddenException.class, "Registration is disabled");
            // nobody exists to act as: the mode refuses before any caller is looked at
            Caller anyone = new Caller.Issuer().issue("root");
            assertRefused(() -> accounts.register(Optional.of(anyone), registration("x", PASSWORD)),
                    ForbiddenException.class, "Registration is disabled");
        }

        @Test
        void adminOnlyLetsTheFirstUserInThenOnlyAdmins() {
            usePlatform(Settings.defaults().withRegistrationMode(RegistrationMode.ADMIN_ONLY));

            User first = register("alice");
            assertThat(first.superuser()).isTrue();

            assertRefused(() -> register("bob"), ForbiddenException.class, ForbiddenException.DEFAULT);
            User bob = accounts.register(Optional.of(accounts.actAs("alice")), registration("bob", PASSWORD));
            assertThat(bob.superuser()).isFalse();
            assertRefused(() -> accounts.register(Optional.of(accounts.actAs("bob")),
                    registration("carol", PASSWORD)), ForbiddenException.class, ForbiddenException.DEFAULT);
        }

        @Test
        void adminOnlyDecidesAgainInsideTheInsertSoRacingFirstSignUpsMakeOneUser() {
            usePlatform(Settings.defaults().withRegistrationMode(RegistrationMode.ADMIN_ONLY));
            // Another anonymous sign-up lands after alice's checks passed, before her insert.
            platform.beforeNextWrite(() -> register("zed"));

            assertRefused(() -> register("alice"), ForbiddenException.class, ForbiddenException.DEFAULT);

            assertThat(platform.storedUser("zed")).hasValueSatisfying(zed -> assertThat(zed.superuser()).isTrue());
            assertThat(platform.storedUser("alice")).isEmpty();
        }

        @Test
        void reportsMissingFields() {
            assertFieldErrors(() -> accounts.register(Optional.empty(), registration(null, null)), Map.of(
                    "username", List.of("This field is required."),
                    "password", List.of("This field is required.")));
        }

        @Test
        void reportsBlankFields() {
            assertFieldErrors(() -> accounts.register(Optional.empty(), registration("  ", "   ")), Map.of(
                    "username", List.of("This field may not be blank."),
                    "password", List.of("This field may not be blank.")));
        }

        @Test
        void reportsEveryProblemOfEveryFieldAtOnce() {
            String longBadName = "x".repeat(150) + "!";
            Registration bad = new Registration(longBadName, "p".repeat(129), "not-an-address",
                    "f".repeat(31), "l".repeat(31));

            assertFieldErrors(() -> accounts.register(Optional.empty(), bad), Map.of(
                    "username", List.of("Ensure this field has no more than 150 characters.",
                            "Enter a valid username. This value may contain only letters, numbers, "
                                    + "and @/./+/-/_ characters."),
                    "password", List.of("Ensure this field has no more than 128 characters."),
                    "email", List.of("Enter a valid email address."),
                    "first_name", List.of("Ensure this field has no more than 30 characters."),
                    "last_name", List.of("Ensure this field has no more than 30 characters.")));
        }

        @Test
        void refusesATakenUsername() {
            register("alice");

            assertFieldErrors(() -> register("alice"),
                    Map.of("username", List.of("A user with that username already exists.")));
        }

        @Test
        void acceptsNoOrBlankEmailButNotAMalformedOne() {
            assertThat(accounts.register(Optional.empty(),
                    new Registration("a", PASSWORD, "", null, null)).email()).isEmpty();
            assertThat(accounts.register(Optional.empty(),
                    new Registration("b", PASSWORD, "b.c+tag@mail.example.co.uk", null, null)).email())
                    .isEqualTo("b.c+tag@mail.example.co.uk");
            assertThat(accounts.register(Optional.empty(),
                    new Registration("c", PASSWORD, "c@localhost", null, null)).email())
                    .isEqualTo("c@localhost");
            for (String bad : List.of("plain", "@example.com", "a@", "a@b", "a b@example.com", "a@-x.com",
                    "a@example.c", "a..b@example.com")) {
                assertFieldErrors(() -> accounts.register(Optional.empty(),
                        new Registration("d", PASSWORD, bad, null, null)),
                        Map.of("email", List.of("Enter a valid email address.")));
            }
        }
    }

    @Nested
    class LoggingIn {
        @Test
        void issuesAFortyCharacterHexTokenThatAuthenticatesTheUser() {
            register("alice");
            register("bob");

            String token = accounts.login("bob", PASSWORD);

            assertThat(token).matches("[0-9a-f]{40}");
            assertThat(accounts.authenticate(token).username()).isEqualTo("bob");
            Caller alice = accounts.authenticate(accounts.login("alice", PASSWORD));
            assertThat(accounts.whoami(alice).superuser()).isTrue();
        }

        @Test
        void issuesANewTokenEachTimeAndEarlierOnesStayValid() {
            register("alice");

            String first = accounts.login("alice", PASSWORD);
            String second = accounts.login("alice", PASSWORD);

            assertThat(second).isNotEqualTo(first);
            assertThat(accounts.authenticate(first).username()).isEqualTo("alice");
            assertThat(accounts.authenticate(second).username()).isEqualTo("alice");
        }

        @Test
        void storesOnlyTheDigestOfATokenNeverTheTokenItself() throws Exception {
            register("alice");

            String token = accounts.login("alice", PASSWORD);

            assertThat(platform.tokenOwner(token)).isEmpty();
            String digest = sha256(token);
            assertThat(platform.tokenOwner(digest)).contains("alice");
        }

        @Test
        void refusesAWrongPasswordAndAnUnknownUserAlike() {
            register("alice");

            Map<String, List<String>> refusal =
                    Map.of("non_field_errors", List.of("Unable to log in with provided credentials."));
            assertFieldErrors(() -> accounts.login("alice", "wrong"), refusal);
            assertFieldErrors(() -> accounts.login("nobody", PASSWORD), refusal);
            assertFieldErrors(() -> accounts.login("alice", PASSWORD + " "), refusal);
        }

        @Test
        void reportsMissingAndBlankFields() {
            assertFieldErrors(() -> accounts.login(null, "x"), Map.of("username", List.of("This field is required.")));
            assertFieldErrors(() -> accounts.login("alice", null),
                    Map.of("password", List.of("This field is required.")));
            assertFieldErrors(() -> accounts.login(" ", ""), Map.of(
                    "username", List.of("This field may not be blank."),
                    "password", List.of("This field may not be blank.")));
        }

        @Test
        void refusesADisabledAccountOnlyWithTheRightPassword() {
            register("alice");
            deactivate("alice");

            assertFieldErrors(() -> accounts.login("alice", PASSWORD),
                    Map.of("non_field_errors", List.of("User account is disabled.")));
            assertFieldErrors(() -> accounts.login("alice", "wrong"),
                    Map.of("non_field_errors", List.of("Unable to log in with provided credentials.")));
        }
    }

    private void deactivate(String username) {
        platform.deactivate(username);
    }

    @Nested
    class Authenticating {
        @Test
        void refusesUnknownAndMalformedTokens() {
            register("alice");
            accounts.login("alice", PASSWORD);

            for (String bad : new String[] {"0".repeat(40), "not a token", "", null, "A".repeat(40)}) {
                assertRefused(() -> accounts.authenticate(bad), UnauthorizedException.class, "Invalid token.");
            }
        }

        @Test
        void refusesTheTokenOfAnAccountDisabledSinceLogin() {
            register("alice");
            String token = accounts.login("alice", PASSWORD);
            deactivate("alice");

            assertRefused(() -> accounts.authenticate(token), UnauthorizedException.class,
                    "User inactive or deleted.");
        }

        @Test
        void seesAdminRightsGivenAfterLogin() {
            register("alice");
            register("bob");
            String token = accounts.login("bob", PASSWORD);

            platform.core.users().grantAdmin(accounts.actAs("alice"), "bob");

            assertThat(accounts.whoami(accounts.authenticate(token)).superuser()).isTrue();
        }

        @Test
        void whoamiShowsTheCallersAccount() {
            register("alice");
            Caller alice = accounts.authenticate(accounts.login("alice", PASSWORD));

            assertThat(accounts.whoami(alice).username()).isEqualTo("alice");
            assertThat(accounts.whoami(alice).superuser()).isTrue();
        }
    }

    @Nested
    class RegeneratingTokens {
        private Caller admin;
        private Caller bob;
        private String bobFirst;
        private String bobSecond;
        private String carolToken;

        private void users() {
            admin = platform.user("admin");
            register("bob");
            bobFirst = accounts.login("bob", PASSWORD);
            bobSecond = accounts.login("bob", PASSWORD);
            bob = accounts.authenticate(bobFirst);
            register("carol");
            carolToken = accounts.login("carol", PASSWORD);
        }

        @Test
        void replacesAllOfTheCallersTokensWithOneNewToken() {
            users();

            String fresh = accounts.regenerateToken(bob, Optional.empty(), false).orElseThrow();

            assertThat(fresh).matches("[0-9a-f]{40}");
            assertThat(accounts.authenticate(fresh).username()).isEqualTo("bob");
            assertRefused(() -> accounts.authenticate(bobFirst), UnauthorizedException.class, "Invalid token.");
            assertRefused(() -> accounts.authenticate(bobSecond), UnauthorizedException.class, "Invalid token.");
            assertThat(accounts.authenticate(carolToken).username()).isEqualTo("carol");
        }

        @Test
        void letsAnAdminReplaceAnotherUsersTokens() {
            users();

            String fresh = accounts.regenerateToken(admin, Optional.of("bob"), false).orElseThrow();

            assertThat(accounts.authenticate(fresh).username()).isEqualTo("bob");
            assertRefused(() -> accounts.authenticate(bobFirst), UnauthorizedException.class, "Invalid token.");
            assertThat(accounts.authenticate(carolToken).username()).isEqualTo("carol");
        }

        @Test
        void refusesOthersThanAdminsWhenAUsernameIsGivenEvenTheirOwn() {
            users();

            assertRefused(() -> accounts.regenerateToken(bob, Optional.of("carol"), false),
                    ForbiddenException.class, ForbiddenException.DEFAULT);
            assertRefused(() -> accounts.regenerateToken(bob, Optional.of("bob"), false),
                    ForbiddenException.class, ForbiddenException.DEFAULT);
            assertThat(accounts.authenticate(carolToken).username()).isEqualTo("carol");
        }

        @Test
        void reportsAnUnknownUser() {
            users();

            assertRefused(() -> accounts.regenerateToken(admin, Optional.of("nobody"), false),
                    NotFoundException.class, "No User matches the given query.");
        }

        @Test
        void letsAnAdminRevokeEveryonesTokensTheirOwnIncluded() {
            users();
            String adminToken = accounts.login("admin", PASSWORD);

            assertThat(accounts.regenerateToken(admin, Optional.of("bob"), true)).isEmpty();

            for (String token : List.of(adminToken, bobFirst, bobSecond, carolToken)) {
                assertRefused(() -> accounts.authenticate(token), UnauthorizedException.class, "Invalid token.");
            }
            assertThat(accounts.authenticate(accounts.login("carol", PASSWORD)).username()).isEqualTo("carol");
        }

        @Test
        void refusesEveryoneButAdminsRevokingAllTokens() {
            users();

            assertRefused(() -> accounts.regenerateToken(bob, Optional.empty(), true),
                    ForbiddenException.class, ForbiddenException.DEFAULT);
            assertThat(accounts.authenticate(carolToken).username()).isEqualTo("carol");
        }
    }

    @Nested
    class ChangingPasswords {
        private Caller admin;
        private Caller bob;

        private void users() {
            admin = platform.user("admin");
            bob = platform.user("bob");
            platform.user("carol");
        }

        @Test
        void asksForTheNewPasswordBeforeAnythingElse() {
            users();

            assertRefused(() -> accounts.changePassword(bob, new PasswordChange("carol", null, null)),
                    InvalidException.class, "new_password is a required field");
            assertRefused(() -> accounts.changePassword(bob, new PasswordChange(null, PASSWORD, "")),
                    InvalidException.class, "new_password is a required field");
        }

        @Test
        void letsAUserChangeTheirOwnWithTheCurrentPassword() {
            users();
            String token = accounts.login("bob", PASSWORD);

            accounts.changePassword(bob, new PasswordChange(null, PASSWORD, "new one"));

            assertThat(accounts.authenticate(accounts.login("bob", "new one")).username()).isEqualTo("bob");
            assertThatThrownBy(() -> accounts.login("bob", PASSWORD)).isInstanceOf(InvalidException.class);
            assertThat(accounts.authenticate(token).username()).as("tokens survive").isEqualTo("bob");
        }

        @Test
        void letsAUserNameThemselves() {
            users();

            accounts.changePassword(bob, new PasswordChange("bob", PASSWORD, "new one"));

            assertThat(accounts.login("bob", "new one")).isNotBlank();
        }

        @Test
        void needsTheCurrentPasswordFromUsers() {
            users();

            assertRefused(() -> accounts.changePassword(bob, new PasswordChange(null, null, "new one")),
                    InvalidException.class, "password is a required field");
            assertRefused(() -> accounts.changePassword(bob, new PasswordChange(null, "wrong", "new one")),
                    UnauthorizedException.class, "Current password does not match");
            assertThat(accounts.login("bob", PASSWORD)).isNotBlank();
        }

        @Test
        void refusesWhenThePasswordChangedBetweenTheCheckAndTheWrite() {
            users();
            platform.beforeNextWrite(() -> accounts.changePassword(admin, new PasswordChange("bob", null, "by admin")));

            assertRefused(() -> accounts.changePassword(bob, new PasswordChange(null, PASSWORD, "bobs new")),
                    UnauthorizedException.class, "Current password does not match");

            assertThat(accounts.login("bob", "by admin")).isNotBlank();
            assertThatThrownBy(() -> accounts.login("bob", "bobs new")).isInstanceOf(InvalidException.class);
        }

        @Test
        void refusesUsersChangingSomeoneElses() {
            users();

            assertRefused(() -> accounts.changePassword(bob, new PasswordChange("carol", PASSWORD, "new one")),
                    ForbiddenException.class, ForbiddenException.DEFAULT);
            assertThat(accounts.login("carol", PASSWORD)).isNotBlank();
        }

        @Test
        void letsAdminsChangeAnyonesWithoutTheCurrentPassword() {
            users();

            accounts.changePassword(admin, new PasswordChange("carol", null, "by admin"));
            accounts.changePassword(admin, new PasswordChange(null, null, "admin's own"));

            assertThat(accounts.login("carol", "by admin")).isNotBlank();
            assertThat(accounts.login("admin", "admin's own")).isNotBlank();
            assertRefused(() -> accounts.changePassword(admin, new PasswordChange("nobody", null, "x")),
                    NotFoundException.class, "No User matches the given query.");
        }
    }

    @Nested
    class Cancelling {
        private static final String STILL_OWNS = "bob still owns releases, builds, configs, domains or TLS settings "
                + "on other users' applications. Transfer or delete those applications first";
        private Caller admin;
        private Caller bob;

        private void users() {
            admin = platform.user("admin");
            bob = platform.user("bob");
            platform.user("carol");
        }

        @Test
        void removesTheCallersAccountWithTokensKeysAndGrants() {
            users();
            String token = accounts.login("bob", PASSWORD);
            platform.tx.writeVoid(store -> {
                store.apps().insert(app("carols-app", "carol"));
                store.permissions().grant("carols-app", "bob");
                store.keys().insert(new Key(UUID.randomUUID(), "bob", "bob@laptop", "ssh-ed25519 AAAA", "aa:bb",
                        TestPlatform.NOW, TestPlatform.NOW));
            });

            accounts.cancel(bob, Optional.empty());

            assertThat(platform.storedUser("bob")).isEmpty();
            assertRefused(() -> accounts.authenticate(token), UnauthorizedException.class, "Invalid token.");
            assertThatThrownBy(() -> accounts.login("bob", PASSWORD)).isInstanceOf(InvalidException.class);
            assertThat(platform.storedKey("bob@laptop")).isEmpty();
            assertThat(platform.hasGrant("carols-app", "bob")).isFalse();
        }

        @Test
        void refusesWhileTheUserOwnsApps() {
            users();
            platform.tx.writeVoid(store -> store.apps().insert(app("bobs-app", "bob")));

            assertRefused(() -> accounts.cancel(bob, Optional.of("bob")), ConflictException.class,
                    "bob still has applications assigned. Delete or transfer ownership");
            assertThat(platform.storedUser("bob")).isPresent();
        }

        @Test
        void refusesWhileTheUserOwnsCertificates() {
            users();
            platform.tx.write(store -> store.certificates().insert(new Certificate(0, "bob", "bobs-cert",
                    "example.com", List.of(), "ab:cd", TestPlatform.NOW, TestPlatform.NOW, "CN=x", "CN=y",
                    "-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----", TestPlatform.NOW,
                    TestPlatform.NOW)));

            assertRefused(() -> accounts.cancel(bob, Optional.empty()), ConflictException.class,
                    "bob still has certificates. Delete them first");
        }

        @Test
        void refusesWhileTheUserOwnsRowsOnOtherUsersApps() {
            users();
            platform.tx.writeVoid(store -> {
                store.apps().insert(app("carols-app", "carol"));
                store.permissions().grant("carols-app", "bob");
                store.configs().insert(Config.initial(UUID.randomUUID(), "carols-app", "bob", TestPlatform.NOW));
            });

            assertRefused(() -> accounts.cancel(bob, Optional.empty()), ConflictException.class, STILL_OWNS);

            assertThat(platform.storedUser("bob")).isPresent();
            assertThat(platform.hasGrant("carols-app", "bob")).isTrue();
        }

        @Test
        void refusesAnAdminRemovingSomeoneWhoAddedADomainToAnotherApp() {
            users();
            platform.tx.writeVoid(store -> {
                store.apps().insert(app("carols-app", "carol"));
                store.domains().insert(new Domain("bob.example.com", "carols-app", "bob", null, TestPlatform.NOW,
                        TestPlatform.NOW));
            });

            assertRefused(() -> accounts.cancel(admin, Optional.of("bob")), ConflictException.class, STILL_OWNS);

            platform.tx.writeVoid(store -> store.apps().delete("carols-app"));
            accounts.cancel(admin, Optional.of("bob"));
            assertThat(platform.storedUser("bob")).isEmpty();
        }

        @Test
        void refusesUsersRemovingSomeoneElse() {
            users();

            assertRefused(() -> accounts.cancel(bob, Optional.of("carol")), ForbiddenException.class,
                    ForbiddenException.DEFAULT);
            assertThat(platform.storedUser("carol")).isPresent();
        }

        @Test
        void letsAdminsRemoveAnyone() {
            users();

            accounts.cancel(admin, Optional.of("carol"));

            assertThat(platform.storedUser("carol")).isEmpty();
            assertRefused(() -> accounts.cancel(admin, Optional.of("carol")), NotFoundException.class,
                    "No User matches the given query.");
        }

        private App app(String id, String owner) {
            return new App(UUID.randomUUID(), id, owner, Map.of(), Map.of(), TestPlatform.NOW, TestPlatform.NOW);
        }
    }

    @Nested
    class LimitingPasswordHashing {
        private static final String BUSY = "Too many logins at once, try again later.";
        private final Semaphore permits = new Semaphore(1, true);
        private final AccountService limited = new AccountService(platform.tx, platform.clock, platform.settings,
                new PasswordHasher(1000, new SecureRandom(), permits, Duration.ofMillis(20), 8), new ApiTokens());

        @Test
        void answersBusyRatherThanQueueingWhileEveryPermitIsTaken() throws Exception {
            register("alice");
            String token = limited.login("alice", PASSWORD);
            Caller alice = limited.authenticate(token);

            permits.acquire();
            try {
                assertRefused(() -> limited.login("alice", PASSWORD), UnavailableException.class, BUSY);
                assertRefused(() -> limited.login("nobody", PASSWORD), UnavailableException.class, BUSY);
                assertRefused(() -> limited.register(Optional.empty(), registration("bob", PASSWORD)),
                        UnavailableException.class, BUSY);
                assertRefused(() -> limited.changePassword(alice, new PasswordChange(null, PASSWORD, "new one")),
                        UnavailableException.class, BUSY);
                assertThat(limited.authenticate(token).username()).as("tokens need no hashing").isEqualTo("alice");
            } finally {
                permits.release();
            }

            assertThat(platform.storedUser("bob")).isEmpty();
            assertThat(limited.login("alice", PASSWORD)).isNotBlank();
            assertThat(permits.availablePermits()).as("every permit is given back").isEqualTo(1);
        }
    }
}
