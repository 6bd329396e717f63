package dev.drydock.core.auth;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.PasswordChange;
import dev.drydock.ports.usecase.Registration;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Registration, login and tokens, password changes and account removal. Password hashes are
 * computed outside transactions: they are slow on purpose.
 */
public final class AccountService implements Accounts {
    public static final String NO_USER = "No User matches the given query.";
    static final String REGISTRATION_DISABLED = "Registration is disabled";
    static final String BAD_CREDENTIALS = "Unable to log in with provided credentials.";
    static final String ACCOUNT_DISABLED = "User account is disabled.";
    static final String INVALID_TOKEN = "Invalid token.";
    static final String INACTIVE = Access.INACTIVE;
    static final String NEW_PASSWORD_REQUIRED = "new_password is a required field";
    static final String PASSWORD_REQUIRED = "password is a required field";
    static final String PASSWORD_MISMATCH = "Current password does not match";

    private final Transactions tx;
    private final Clock clock;
    private final Settings settings;
    private final PasswordHasher hasher;
    private final ApiTokens tokens;
    // Verified against when the username is unknown, so both paths cost one hash.
    private volatile String decoyHash;

    public AccountService(Transactions tx, Clock clock, Settings settings) {
        this(tx, clock, settings, new PasswordHasher(settings.passwordIterations()), new ApiTokens());
    }

    AccountService(Transactions tx, Clock clock, Settings settings, PasswordHasher hasher, ApiTokens tokens) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public User register(Optional<Caller> caller, Registration registration) {
        checkMayRegister(caller);
        String username = UserRules.trim(registration.username());
        String password = registration.password();
        String email = UserRules.trim(registration.email());
        String firstName = UserRules.trim(registration.firstName());
        String lastName = UserRules.trim(registration.lastName());

        FieldErrors errors = new FieldErrors();
        UserRules.checkUsername(username, errors);
        if (!errors.has("username") && tx.read(store -> store.users().find(username).isPresent())) {
            errors.add("username", UserRules.USERNAME_TAKEN);
        }
        UserRules.checkPassword(password, errors);
        UserRules.checkEmail(email, errors);
        UserRules.checkName("first_name", firstName, errors);
        UserRules.checkName("last_name", lastName, errors);
        errors.throwIfAny();

        String hash = hasher.hash(password);
        Instant now = Instant.now(clock);
        try {
            return tx.write(store -> {
                // Decided again here: sign-ups racing on a fresh server all passed the first check.
                store.users().lockSignUps();
                checkMayRegister(caller, store);
                boolean first = !store.users().anySuperuser();
                User user = new User(username, email, firstName, lastName, first, first, true, now, now, hash);
                store.users().insert(user);
                return user;
            });
        } catch (ConflictException e) {
            // Someone took the name between the check and the insert.
            throw DrydockException.invalidField("username", UserRules.USERNAME_TAKEN);
        }
    }

    private void checkMayRegister(Optional<Caller> caller) {
        tx.read(store -> {
            checkMayRegister(caller, store);
            return null;
        });
    }

    private void checkMayRegister(Optional<Caller> caller, Store store) {
        switch (settings.registrationMode()) {
            case ENABLED -> {
            }
            case DISABLED -> throw DrydockException.forbidden(REGISTRATION_DISABLED);
            case ADMIN_ONLY -> {
                // as an admin is now: one revoked or disabled since their caller was made counts as anyone
                boolean admin = caller.flatMap(c -> Access.active(store, c)).map(User::superuser).orElse(false);
                // Until an admin exists anyone may register, or nobody ever could.
                if (!admin && store.users().anySuperuser()) {
                    throw DrydockException.forbidden();
                }
            }
        }
    }

    @Override
    public String login(String username, String password) {
        String name = UserRules.trim(username);
        FieldErrors errors = new FieldErrors();
        if (name == null) {
            errors.add("username", FieldErrors.REQUIRED);
        } else if (name.isEmpty()) {
            errors.add("username", FieldErrors.BLANK);
        }
        // Passwords are taken as sent: spaces may be part of one.
        if (password == null) {
            errors.add("password", FieldErrors.REQUIRED);
        } else if (password.isEmpty()) {
            errors.add("password", FieldErrors.BLANK);
        }
        errors.throwIfAny();

        Optional<User> found = tx.read(store -> store.users().find(name));
        boolean matches = hasher.verify(password, found.map(User::passwordHash).orElseGet(this::decoyHash));
        if (found.isEmpty() || !matches) {
            throw DrydockException.invalidField("non_field_errors", BAD_CREDENTIALS);
        }
        if (!found.get().active()) {
            throw DrydockException.invalidField("non_field_errors", ACCOUNT_DISABLED);
        }
        String token = tokens.issue();
        Instant now = Instant.now(clock);
        tx.writeVoid(store -> {
            User user = store.users().lock(name)
                    .orElseThrow(() -> DrydockException.invalidField("non_field_errors", BAD_CREDENTIALS));
            if (!user.active()) {
                throw DrydockException.invalidField("non_field_errors", ACCOUNT_DISABLED);
            }
            store.users().update(user.withLastLogin(now));
            store.tokens().add(ApiTokens.digest(token), name);
        });
        return token;
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash(tokens.issue());
            decoyHash = decoy;
        }
        return decoy;
    }

    @Override
    public Caller authenticate(String token) {
        if (!ApiTokens.wellFormed(token)) {
            throw DrydockException.unauthorized(INVALID_TOKEN);
        }
        String digest = ApiTokens.digest(token);
        User user = tx.read(store -> store.tokens().holder(digest))
                .orElseThrow(() -> DrydockException.unauthorized(INVALID_TOKEN));
        return Access.issue(user);
    }

    @Override
    public Caller actAs(String username) {
        String name = UserRules.trim(Objects.requireNonNull(username, "username"));
        return tx.read(store -> Access.issue(findUser(store, name)));
    }

    @Override
    public User whoami(Caller caller) {
        return tx.read(store -> Access.caller(store, caller));
    }

    @Override
    public Optional<String> regenerateToken(Caller caller, Optional<String> username, boolean all) {
        if (all) {
            tx.writeVoid(store -> {
                Access.requireAdmin(store, caller);
                store.tokens().revokeEveryone();
            });
            return Optional.empty();
        }
        Optional<String> named = username.map(String::strip);
        String target = named.orElse(caller.username());
        String token = tokens.issue();
        tx.writeVoid(store -> {
            if (named.isEmpty()) {
                Access.caller(store, caller);
            } else {
                Access.requireAdmin(store, caller);
                findUser(store, target);
            }
            store.tokens().revokeAll(target);
            store.tokens().add(ApiTokens.digest(token), target);
        });
        return Optional.of(token);
    }

    @Override
    public void changePassword(Caller caller, PasswordChange change) {
        if (change.newPassword() == null || change.newPassword().isEmpty()) {
            throw DrydockException.invalid(NEW_PASSWORD_REQUIRED);
        }
        record Target(Access.Acting acting, User user) {
        }
        Target found = tx.read(store -> {
            Access.Acting acting = Access.acting(store, caller);
            return new Target(acting, findUser(store, targetOf(acting, change.username())));
        });
        User user = found.user();
        String target = user.username();
        if (!found.acting().admin()) {
            if (change.password() == null || change.password().isEmpty()) {
                throw DrydockException.invalid(PASSWORD_REQUIRED);
            }
            if (!hasher.verify(change.password(), user.passwordHash())) {
                throw DrydockException.unauthorized(PASSWORD_MISMATCH);
            }
        }
        String hash = hasher.hash(change.newPassword());
        tx.writeVoid(store -> {
            Access.Acting acting = Access.acting(store, caller);
            targetOf(acting, change.username());
            User current = lockUser(store, target);
            if (!acting.admin() && found.acting().admin()) {
                // no old password was asked for an admin, and the caller is no longer one
                throw DrydockException.forbidden();
            }
            // The old password was checked against this hash; a change since then voids that check.
            if (!acting.admin() && !current.passwordHash().equals(user.passwordHash())) {
                throw DrydockException.unauthorized(PASSWORD_MISMATCH);
            }
            store.users().update(current.withPasswordHash(hash));
        });
    }

    @Override
    public void cancel(Caller caller, Optional<String> username) {
        tx.writeVoid(store -> {
            String target = targetOf(Access.acting(store, caller), username.orElse(null));
            lockUser(store, target);
            if (store.apps().countOwnedBy(target) > 0) {
                throw DrydockException.conflict(
                        target + " still has applications assigned. Delete or transfer ownership");
            }
            if (store.certificates().anyOwnedBy(target)) {
                throw DrydockException.conflict(target + " still has certificates. Delete them first");
            }
            // Rows made as a collaborator keep their maker as owner; upstream's database refuses too.
            if (store.users().ownsRecords(target)) {
                throw DrydockException.conflict(target + " still owns releases, builds, configs, domains or TLS "
                        + "settings on other users' applications. Transfer or delete those applications first");
            }
            store.users().delete(target);
        });
    }

    /**
     * Whose account a call is about: the caller's when no username is given (or their own is),
     * anyone's for a superuser, nobody else's.
     */
    private static String targetOf(Access.Acting caller, String username) {
        if (username == null || username.isBlank()) {
            return caller.username();
        }
        String named = username.strip();
        if (!caller.is(named) && !caller.admin()) {
            throw DrydockException.forbidden();
        }
        return named;
    }

    static User findUser(Store store, String username) {
        return store.users().find(username).orElseThrow(() -> DrydockException.notFound(NO_USER));
    }

    /** {@link #findUser}, locked until the write ends, for a write that changes the user. */
    static User lockUser(Store store, String username) {
        return store.users().lock(username).orElseThrow(() -> DrydockException.notFound(NO_USER));
    }
}
