package dev.drydock.jdbc.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How many apps there are, kept as they change, so that an app list page needs no counting: per
 * user the apps they own and the grants they hold on others' apps ({@code user_app_counts}), and
 * all apps in a few rows that creations and removals spread over ({@code app_count_shards}), so
 * they do not queue on one row. Every change to apps, owners or grants goes through here, in the
 * write that makes it.
 */
final class AppCounts {
    static final int SHARDS = 16;

    private AppCounts() {
    }

    static void userAdded(Unit unit, String username) {
        unit.write().createUpdate("INSERT INTO user_app_counts (username, owned, shared) VALUES (:user, 0, 0)")
                .bind("user", username).execute();
    }

    static void appAdded(Unit unit, String owner) {
        owned(unit, owner, 1);
        total(unit, 1);
    }

    /** Before the app's row goes: its owner and the holders of its grants count it no more. */
    static void appRemoved(Unit unit, String app, String owner) {
        grantees(unit, app, owner, -1);
        owned(unit, owner, -1);
        total(unit, -1);
    }

    /** An app changes hands: counts of both owners, and of either one's grant on it. */
    static void ownerChanged(Unit unit, String app, String from, String to) {
        owned(unit, from, -1);
        owned(unit, to, 1);
        // a grant counts for its holder only on an app they do not own
        sharedIfGranted(unit, app, from, 1);
        sharedIfGranted(unit, app, to, -1);
    }

    /** A grant was added ({@code delta} 1) or removed (-1): it counts unless its holder owns the app. */
    static void granted(Unit unit, String app, String username, int delta) {
        unit.write().createUpdate("UPDATE user_app_counts SET shared = shared + :delta WHERE username = :user "
                        + "AND NOT EXISTS (SELECT 1 FROM apps WHERE id = :app AND owner = :user)")
                .bind("delta", delta).bind("user", username).bind("app", app).execute();
    }

    /** The apps a user owns or holds a grant on. */
    static long visibleTo(Unit unit, String username) {
        return unit.read().createQuery("SELECT owned + shared FROM user_app_counts WHERE username = :user")
                .bind("user", username).mapTo(Long.class).findOne().orElse(0L);
    }

    static long ownedBy(Unit unit, String username) {
        return unit.read().createQuery("SELECT owned FROM user_app_counts WHERE username = :user")
                .bind("user", username).mapTo(Long.class).findOne().orElse(0L);
    }

    static long all(Unit unit) {
        return unit.read().createQuery("SELECT coalesce(sum(apps), 0) FROM app_count_shards")
                .mapTo(Long.class).one();
    }

    private static void owned(Unit unit, String username, int delta) {
        unit.write().createUpdate("UPDATE user_app_counts SET owned = owned + :delta WHERE username = :user")
                .bind("delta", delta).bind("user", username).execute();
    }

    private static void sharedIfGranted(Unit unit, String app, String username, int delta) {
        unit.write().createUpdate("UPDATE user_app_counts SET shared = shared + :delta WHERE username = :user "
                        + "AND EXISTS (SELECT 1 FROM grants WHERE app = :app AND username = :user)")
                .bind("delta", delta).bind("user", username).bind("app", app).execute();
    }

    private static void grantees(Unit unit, String app, String owner, int delta) {
        unit.write().createUpdate("UPDATE user_app_counts SET shared = shared + :delta WHERE username IN "
                        + "(SELECT username FROM grants WHERE app = :app AND username <> :owner)")
                .bind("delta", delta).bind("app", app).bind("owner", owner).execute();
    }

    private static void total(Unit unit, int delta) {
        unit.write().createUpdate("UPDATE app_count_shards SET apps = apps + :delta WHERE shard = :shard")
                .bind("delta", delta).bind("shard", ThreadLocalRandom.current().nextInt(SHARDS)).execute();
    }
}
