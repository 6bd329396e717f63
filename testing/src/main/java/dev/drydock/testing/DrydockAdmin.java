package dev.drydock.testing;

import dev.drydock.embedded.Drydock;
import dev.drydock.ports.usecase.Registration;
import java.util.Objects;
import java.util.Optional;

/**
 * A superuser of a harness, ready to use: registered as the core's first user, and logged in.
 * Send {@link #authorization()} as the {@code Authorization} header, or log in again over the API
 * with {@link #username()} and {@link #password()}.
 *
 * @param username the admin's name, {@value #USERNAME}
 * @param password the admin's password, {@value #PASSWORD}
 * @param token    a token of the admin's, 40 hex digits
 */
public record DrydockAdmin(String username, String password, String token) {
    /** The name the extension registers its admin under. */
    public static final String USERNAME = "admin";
    /** The admin's password. */
    public static final String PASSWORD = "drydock-admin-password";

    public DrydockAdmin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(token, "token");
    }

    /** Registers the admin on a core that has no user yet, and logs it in. */
    static DrydockAdmin register(Drydock drydock) {
        drydock.accounts().register(Optional.empty(),
                new Registration(USERNAME, PASSWORD, USERNAME + "@example.com", null, null));
        return new DrydockAdmin(USERNAME, PASSWORD, drydock.accounts().login(USERNAME, PASSWORD));
    }

    /** The value of the {@code Authorization} header that acts as this admin: {@code token <token>}. */
    public String authorization() {
        return "token " + token;
    }

    /** The name only: test reports and logs need no credentials. */
    @Override
    public String toString() {
        return "DrydockAdmin[username=" + username + "]";
    }
}
