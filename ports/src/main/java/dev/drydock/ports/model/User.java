package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform account. {@code passwordHash} is the encoded slow hash (algorithm, salt and digest),
 * never the password; it is left out of {@link #toString()}.
 */
public record User(String username, String email, String firstName, String lastName,
                   boolean superuser, boolean staff, boolean active,
                   Instant lastLogin, Instant dateJoined, String passwordHash) {
    public User {
        Objects.requireNonNull(username, "username");
        email = email == null ? "" : email;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        Objects.requireNonNull(dateJoined, "dateJoined");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public User withSuperuser(boolean admin) {
        return new User(username, email, firstName, lastName, admin, admin, active, lastLogin, dateJoined, passwordHash);
    }

    public User withPasswordHash(String hash) {
        return new User(username, email, firstName, lastName, superuser, staff, active, lastLogin, dateJoined, hash);
    }

    public User withLastLogin(Instant when) {
        return new User(username, email, firstName, lastName, superuser, staff, active, when, dateJoined, passwordHash);
    }

    @Override
    public String toString() {
        return "User[" + username + (superuser ? ", superuser" : "") + "]";
    }
}
