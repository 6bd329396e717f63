package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.UserRepository;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

final class JdbcUserRepository implements UserRepository {
    static final String COLUMNS = "u.username, u.email, u.first_name, u.last_name, u.superuser, u.staff, u.active, "
            + "u.last_login, u.date_joined, u.password_hash";
    static final RowMapper<User> USER = (rs, ctx) -> new User(rs.getString("username"), rs.getString("email"),
            rs.getString("first_name"), rs.getString("last_name"), rs.getBoolean("superuser"), rs.getBoolean("staff"),
            rs.getBoolean("active"), Sql.instant(rs, "last_login"), Sql.instant(rs, "date_joined"),
            rs.getString("password_hash"));

    private final Unit unit;

    JdbcUserRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public Optional<User> find(String username) {
        Optional<TokenCache> cache = unit.tokenCache();
        if (cache.isEmpty()) {
            return query(username);
        }
        Optional<User> cached = cache.get().user(username);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = cache.get().generation();
        Optional<User> found = query(username);
        found.ifPresent(user -> cache.get().rememberUser(generation, user));
        return found;
    }

    private Optional<User> query(String username) {
        return unit.read().createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.username = :username")
                .bind("username", username).map(USER).findOne();
    }

    @Override
    public Optional<User> lock(String username) {
        return unit.write().createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.username = :username FOR UPDATE")
                .bind("username", username).map(USER).findOne();
    }

    @Override
    public void lockSignUps() {
        unit.write().createQuery("SELECT name FROM named_locks WHERE name = 'sign-ups' FOR UPDATE")
                .mapTo(String.class).one();
    }

    @Override
    public void insert(User user) {
        try {
            bind(unit.write().createUpdate("INSERT INTO users (username, email, first_name, last_name, superuser, "
                    + "staff, active, last_login, date_joined, password_hash) VALUES (:username, :email, :first, :last, "
                    + ":superuser, :staff, :active, :lastLogin, :joined, :hash)"), user).execute();
        } catch (RuntimeException e) {
            throw Rows.unique(e, "users_username_unique", "A user with that username");
        }
        AppCounts.userAdded(unit, user.username());
    }

    @Override
    public void update(User user) {
        unit.authChanged();
        int changed = bind(unit.write().createUpdate("UPDATE users SET email = :email, first_name = :first, "
                + "last_name = :last, superuser = :superuser, staff = :staff, active = :active, last_login = :lastLogin, "
                + "date_joined = :joined, password_hash = :hash WHERE username = :username"), user).execute();
        if (changed == 0) {
            throw Rows.missing("User");
        }
    }

    private static Update bind(Update statement, User user) {
        return statement.bind("username", user.username()).bind("email", user.email())
                .bind("first", user.firstName()).bind("last", user.lastName())
                .bind("superuser", user.superuser()).bind("staff", user.staff()).bind("active", user.active())
                .bind("lastLogin", Sql.at(user.lastLogin())).bind("joined", Sql.at(user.dateJoined()))
                .bind("hash", user.passwordHash());
    }

    @Override
    public void delete(String username) {
        // keys, tokens and grants go by ON DELETE CASCADE
        unit.authChanged();
        int deleted;
        try {
            deleted = unit.write().createUpdate("DELETE FROM users WHERE username = :username")
                    .bind("username", username).execute();
        } catch (RuntimeException e) {
            throw Rows.stillReferenced(e, username + " still owns records");
        }
        if (deleted == 0) {
            throw Rows.missing("User");
        }
    }

    @Override
    public Page<User> list(PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM users u ORDER BY u.seq LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM users", q -> { }, USER, page);
    }

    @Override
    public Page<User> superusers(PageRequest page) {
        return Sql.page(unit, "SELECT " + COLUMNS + " FROM users u WHERE u.superuser AND u.active "
                        + "ORDER BY u.seq LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM users WHERE superuser AND active", q -> { }, USER, page);
    }

    @Override
    public boolean anySuperuser() {
        return unit.read().createQuery("SELECT 1 FROM users WHERE superuser FETCH FIRST 1 ROWS ONLY")
                .mapTo(Integer.class).findOne().isPresent();
    }

    @Override
    public boolean ownsRecords(String username) {
        return unit.read().createQuery("SELECT 1 FROM configs WHERE owner = :u UNION ALL SELECT 1 FROM builds WHERE owner = :u "
                        + "UNION ALL SELECT 1 FROM releases WHERE owner = :u UNION ALL SELECT 1 FROM domains WHERE owner = :u "
                        + "UNION ALL SELECT 1 FROM tls WHERE owner = :u FETCH FIRST 1 ROWS ONLY")
                .bind("u", username).mapTo(Integer.class).findOne().isPresent();
    }
}
