package dev.drydock.jdbc.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The schema's history (Flyway, {@code db/migration}), brought up to date at start. Flyway takes a
 * database lock while it migrates, so servers starting together migrate once. A database that a
 * newer Drydock has migrated further than this one knows is refused, since this one would
 * misread it.
 */
public final class Migrations {
    private Migrations() {
    }

    /** The versions this Drydock knows, applies what is missing, and refuses a newer database. */
    public static void migrate(DataSource dataSource, Dialect dialect, String where) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("name", dialect.nameType()))
                .loggers("slf4j")
                .load();
        Optional<MigrationVersion> newest = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo);
        if (newest.isPresent()) {
            String known = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                    .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo)
                    .map(MigrationVersion::getVersion).orElse("none");
            throw new IllegalStateException("The database at " + where + " was written by a newer Drydock: its schema "
                    + "is at version " + newest.get().getVersion() + ", and this Drydock knows versions up to " + known
                    + ". Run the newer Drydock, or point this one at another database.");
        }
        flyway.migrate();
    }
}
