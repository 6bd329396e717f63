package dev.drydock.ports.model;

import java.util.Objects;

/** The authenticated user on whose behalf a use case runs. */
public record Caller(String username, boolean superuser) {
    public Caller {
        Objects.requireNonNull(username, "username");
    }

    public boolean is(String other) {
        return username.equals(other);
    }
}
