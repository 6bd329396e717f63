package dev.drydock.ports.spi;

import dev.drydock.ports.model.User;
import java.util.Optional;

/**
 * API tokens, stored only as a digest of the token. A user may hold several tokens (each login
 * issues one). Lookup by digest must be a single indexed read.
 */
public interface TokenRepository {
    /** Records a token digest for a user. */
    void add(String digest, String username);

    /** The user a token digest belongs to. */
    Optional<String> owner(String digest);

    /**
     * The account a token digest belongs to, in one indexed read: every authenticated request
     * asks this first.
     */
    Optional<User> holder(String digest);

    /** Revokes every token of one user. */
    void revokeAll(String username);

    /** Revokes every token of every user. */
    void revokeEveryone();
}
