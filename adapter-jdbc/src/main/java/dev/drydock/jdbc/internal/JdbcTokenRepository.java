package dev.drydock.jdbc.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.TokenRepository;
import java.util.Optional;

final class JdbcTokenRepository implements TokenRepository {
    private static final String ISSUED = "This token is already issued.";
    private final Unit unit;

    JdbcTokenRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void add(String digest, String username) {
        Optional<String> holder = owner(digest);
        if (holder.isPresent()) {
            // issuing a token to its holder again changes nothing
            if (holder.get().equals(username)) {
                return;
            }
            throw DrydockException.conflict(ISSUED);
        }
        try {
            unit.write().createUpdate("INSERT INTO tokens (digest, username) VALUES (:digest, :username)")
                    .bind("digest", digest).bind("username", username).execute();
        } catch (RuntimeException e) {
            boolean taken = Errors.failure(e).filter(f -> f.is("tokens_pk")).isPresent();
            throw taken ? DrydockException.conflict(ISSUED) : Errors.translate(e);
        }
    }

    @Override
    public Optional<String> owner(String digest) {
        return unit.read().createQuery("SELECT username FROM tokens WHERE digest = :digest")
                .bind("digest", digest).mapTo(String.class).findOne();
    }

    @Override
    public Optional<User> holder(String digest) {
        Optional<TokenCache> cache = unit.tokenCache();
        if (cache.isEmpty()) {
            return find(digest);
        }
        Optional<User> cached = cache.get().holder(digest);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = cache.get().generation();
        Optional<User> found = find(digest);
        found.ifPresent(user -> cache.get().remember(generation, digest, user));
        return found;
    }

    private Optional<User> find(String digest) {
        return unit.read().createQuery("SELECT " + JdbcUserRepository.COLUMNS
                        + " FROM tokens t JOIN users u ON u.username = t.username WHERE t.digest = :digest")
                .bind("digest", digest).map(JdbcUserRepository.USER).findOne();
    }

    @Override
    public void revokeAll(String username) {
        unit.authChanged();
        unit.write().createUpdate("DELETE FROM tokens WHERE username = :username").bind("username", username).execute();
    }

    @Override
    public void revokeEveryone() {
        unit.authChanged();
        unit.write().createUpdate("DELETE FROM tokens").execute();
    }
}
