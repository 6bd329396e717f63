package dev.drydock.ports.model;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.UnauthorizedException;
import java.util.Objects;

/**
 * The user on whose behalf a use case runs, as handed out by the core: by
 * {@code Accounts.authenticate} (a token) or {@code Accounts.actAs} (the embedder's explicit
 * choice). There is no public constructor, so a caller cannot be made up by accident.
 *
 * <p>A caller names a user and nothing more: it carries no rights. Every use case looks the user up
 * again inside its own unit of work, so an admin revoke takes effect on callers already handed out,
 * and a caller whose user was disabled or removed is refused ({@link UnauthorizedException}).
 *
 * <p>Each caller remembers the {@link Issuer} that made it, and the core accepts only callers of its
 * own issuer. An issuer is a plain object in this package so that the ports need no core type; one
 * made outside the core makes callers that the core refuses, with {@link UnauthorizedException}
 * ({@link #NOT_ISSUED}).
 */
public final class Caller {
    /** Why the core refuses a caller that it did not hand out. */
    public static final String NOT_ISSUED =
            "This caller was not handed out by this Drydock: use Accounts.authenticate or Accounts.actAs.";

    private final String username;
    private final Issuer issuer;

    private Caller(String username, Issuer issuer) {
        this.username = Objects.requireNonNull(username, "username");
        this.issuer = issuer;
    }

    /** The name of the user the caller acts for. */
    public String username() {
        return username;
    }

    /** Whether the caller acts for the user named {@code other}. */
    public boolean is(String other) {
        return username.equals(other);
    }

    /** Callers are equal when one issuer made both for the same user. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that && username.equals(that.username) && issuer == that.issuer;
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "Caller[" + username + "]";
    }

    /**
     * What hands out callers and later recognises them. The core keeps one and never shares it; it is
     * public only because the core lives in another package. Callers made by any other issuer are
     * refused by the core.
     */
    public static final class Issuer {
        /** A caller for {@code username}, recognised by this issuer only. The user is not checked here. */
        public Caller issue(String username) {
            return new Caller(username, this);
        }

        /**
         * The caller's username, if this issuer made it.
         *
         * @throws UnauthorizedException ({@link #NOT_ISSUED}) if it did not
         */
        public String recognise(Caller caller) {
            Objects.requireNonNull(caller, "caller");
            if (caller.issuer != this) {
                throw DrydockException.unauthorized(NOT_ISSUED);
            }
            return caller.username;
        }
    }
}
